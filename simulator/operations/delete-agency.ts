import { fail, ok } from '../http/envelope.ts';
import { formatAxisTime } from '../protocol/time.ts';
import { nextDirectoryVersion } from '../agencies.ts';
import type { Operation } from './operation.ts';

/** Marks a unit the caller registered as deleted (kept for getSynchronizeUnit, gone from lists). */
export const deleteAgency: Operation = {
  name: 'deleteAgency',
  method: 'POST',
  failExtras: {},
  async handle(c) {
    const { core, caller, logical, exchange } = c.var;
    const code = logical.get('AgencyCode')?.trim();
    if (!code) return fail(c, 'MISSING_HEADER', 'AgencyCode');
    exchange.agencies.add(code);
    const record = await core.store.findAgency(code);
    if (!record || record.deleted) return fail(c, 'AGENCY_NOT_FOUND', code);
    if (record.registeredBy === undefined || !(await core.agencies.manages(caller.systemId, record.code))) {
      return fail(c, 'AGENCY_FORBIDDEN', code);
    }
    await core.store.putAgency({ ...record, deleted: true, version: await nextDirectoryVersion(core.store), modifyDate: formatAxisTime(core.clock()) });
    return ok(c);
  },
};
