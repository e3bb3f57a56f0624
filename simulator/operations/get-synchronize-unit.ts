import { ok } from '../http/envelope.ts';
import type { Operation } from './operation.ts';

/** Every record with its version and deletion flag, so clients can keep a local copy in sync. */
export const getSynchronizeUnit: Operation = {
  name: 'getSynchronizeUnit',
  method: 'POST',
  failExtras: { data: [] },
  async handle(c) {
    const agencies = await c.get('core').store.listAgencies({ includeDeleted: true });
    return ok(c, {
      data: agencies.map((a) => ({
        id: a.id,
        pid: a.pid ?? '',
        code: a.code102 ?? a.code,
        name: a.name,
        mail: a.mail ?? '',
        version: a.version,
        centerCode: a.pcode ?? '',
        deleted: a.deleted,
        modifyDate: a.modifyDate ?? '',
        isAgency: !a.pid,
      })),
    });
  },
};
