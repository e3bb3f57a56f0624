import { ok } from '../http/envelope.ts';
import type { Operation } from './operation.ts';

/** The directory in the QCVN 102 form; `pid` is the parent record id. */
export const getAgenciesList: Operation = {
  name: 'getAgenciesList',
  method: 'POST',
  failExtras: { data: [] },
  async handle(c) {
    const agencies = await c.get('core').store.listAgencies();
    return ok(c, {
      data: agencies.map((a) => ({
        id: a.id,
        pid: a.pid ?? '',
        code: a.code102 ?? a.code,
        name: a.name,
        mail: a.mail ?? '',
        oldCode: a.oldCode ?? '',
      })),
    });
  },
};
