import { ok } from '../http/envelope.ts';
import type { Operation } from './operation.ts';

/** The directory in the QĐ 20/2020 form, with the QCVN 102 form beside it. */
export const getAgenciesListQD20: Operation = {
  name: 'getAgenciesListQD20',
  method: 'POST',
  failExtras: { data: [] },
  async handle(c) {
    const agencies = await c.get('core').store.listAgencies();
    return ok(c, {
      data: agencies.map((a) => ({ id: a.id, code: a.code, name: a.name, mail: a.mail ?? '', code102: a.code102 ?? '' })),
    });
  },
};
