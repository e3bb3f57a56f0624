// Dates `yyyy/MM/dd` and timestamps `yyyy/MM/dd HH:mm:ss` of QCVN 102 packets: local Vietnam time
// (UTC+7), no zone written. Formats are strict and the calendar must exist (no 2025/02/30).
const DATE = /^(\d{4})\/(\d{2})\/(\d{2})$/;
const TIMESTAMP = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function isPacketDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && realDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isPacketTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  return (
    m !== null &&
    realDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    Number(m[4]) < 24 &&
    Number(m[5]) < 60 &&
    Number(m[6]) < 60
  );
}

/** Vietnam time is UTC+7 all year (no daylight saving): the one offset every part of truc uses. */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** A Date whose UTC fields read as Vietnam's wall clock at `now` (for formatting only). */
export const vietnamWallClock = (now: Date): Date => new Date(now.getTime() + VIETNAM_OFFSET_MS);

/** The instant a packet timestamp `yyyy/MM/dd HH:mm:ss` (Vietnam time) names, or undefined when it is not one. */
export function parseVietnamTimestamp(value: string): Date | undefined {
  if (!isPacketTimestamp(value)) return undefined;
  const [y, mo, d, h, mi, s] = value.split(/[/ :]/).map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - VIETNAM_OFFSET_MS);
}

/** Today's date in Vietnam as `yyyy/MM/dd`, the form packet dates compare with as strings. */
export function vietnamDate(now: Date): string {
  return vietnamWallClock(now).toISOString().slice(0, 10).replace(/-/g, '/');
}

/** `now` as a packet timestamp in Vietnam time. */
export function vietnamTimestamp(now: Date): string {
  const iso = vietnamWallClock(now).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
}
