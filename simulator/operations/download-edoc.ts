import { AXIS_ERRORS } from '../errors.ts';
import { fetchDelivery } from './fetch-delivery.ts';
import type { Operation } from './operation.ts';

/** The raw packet bytes (GET); only its failures are JSON envelopes. */
export const downloadEdoc: Operation = {
  name: 'downloadEdoc',
  method: 'GET',
  failExtras: {},
  async handle(c) {
    const packet = await fetchDelivery(c);
    if (packet instanceof Response) return packet;
    c.get('exchange').outcome = { status: 'OK', errorCode: AXIS_ERRORS.OK.code, errorDesc: AXIS_ERRORS.OK.desc };
    return new Response(packet.bytes, { status: 200, headers: { 'content-type': 'application/xml' } });
  },
};
