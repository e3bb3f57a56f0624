// Delivery ids as the real axis shapes them: a 24-hex sender id with a time prefix (MongoDB
// ObjectId style, so ids sort by time) and a UUID v4 receiver id per recipient.
import { randomBytes, randomUUID } from 'node:crypto';

let counter = randomBytes(3).readUIntBE(0, 3);
const processPart = randomBytes(5).toString('hex');

export function newSenderId(now: Date): string {
  counter = (counter + 1) % 0x1000000;
  const seconds = Math.floor(now.getTime() / 1000) >>> 0;
  return seconds.toString(16).padStart(8, '0') + processPart + counter.toString(16).padStart(6, '0');
}

export const newReceiverId = (): string => randomUUID();

export const isSenderId = (text: string): boolean => /^[0-9a-f]{24}$/.test(text);
