import { ok } from '../http/envelope.ts';
import { fetchDelivery } from './fetch-delivery.ts';
import type { Operation } from './operation.ts';

/** The packet bytes, base64, exactly as stored (never re-serialised: signatures must verify). */
export const getEdoc: Operation = {
  name: 'getEdoc',
  method: 'POST',
  failExtras: { data: '' },
  async handle(c) {
    const packet = await fetchDelivery(c);
    if (packet instanceof Response) return packet;
    return ok(c, { data: Buffer.from(packet.bytes).toString('base64') });
  },
};
