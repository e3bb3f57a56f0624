import { randomUUID } from 'node:crypto';
import { fail, ok } from '../http/envelope.ts';
import { formatAxisTime } from '../protocol/time.ts';
import type { StoredAgency } from '../store/types.ts';
import { nextDirectoryVersion } from '../agencies.ts';
import { escapeIllegalXmlChars, firstIllegalXmlChar } from '../../edxml/xml-chars.ts';
import type { Operation } from './operation.ts';

const CODE = /^[0-9A-Za-z.]{1,35}$/;
const CODE102 = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

interface AgencyBody {
  id: string;
  pcode: string;
  code: string;
  name: string;
  mail?: string;
  mobile?: string;
  fax?: string;
}

/** The body, or why it cannot be read; `unstorable` names a field no store could keep. */
function readBody(bytes: Uint8Array): AgencyBody | string | { unstorable: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return 'body is not JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'body is not a JSON object';
  const o = parsed as Record<string, unknown>;
  const text = (k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string).trim() : undefined);
  for (const k of ['id', 'pcode', 'code', 'name', 'mail', 'mobile', 'fax']) {
    if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'string') return `${k} must be a string`;
  }
  for (const [k, v] of Object.entries(o)) {
    if (firstIllegalXmlChar(k) !== -1 || (typeof v === 'string' && firstIllegalXmlChar(v) !== -1)) return { unstorable: escapeIllegalXmlChars(k) };
  }
  return { id: text('id') ?? '', pcode: text('pcode') ?? '', code: text('code') ?? '', name: text('name') ?? '', mail: text('mail'), mobile: text('mobile'), fax: text('fax') };
}

/**
 * Registers a new unit (empty `id`) or updates one. A system may act only under its own code or
 * under units it registered, and may claim only its own code or codes below its agency in the
 * identifier hierarchy (Agencies.mayClaim); the unit is then routed to that system's inbox.
 */
export const registerAgency: Operation = {
  name: 'registerAgency',
  method: 'POST',
  failExtras: {},
  async handle(c) {
    const { core, caller, exchange } = c.var;
    const body = readBody(exchange.body);
    if (typeof body === 'string') return fail(c, 'MALFORMED_REQUEST', body);
    if ('unstorable' in body) return fail(c, 'UNSTORABLE_INPUT', body.unstorable);
    if (!CODE.test(body.code) || body.name === '') return fail(c, 'AGENCY_INVALID', 'code, name');
    exchange.agencies.add(body.code);
    const agencies = await core.agencies.snapshot();
    const parentCode = body.pcode || caller.systemId;
    if (!(await agencies.manages(caller.systemId, parentCode))) return fail(c, 'AGENCY_FORBIDDEN', parentCode);
    const refusal = await agencies.mayClaim(caller.systemId, body.code);
    if (refusal) return fail(c, 'AGENCY_FORBIDDEN', `${body.code} (${refusal})`);
    const existing = await core.store.findAgency(body.code);
    if (body.id === '' && existing && !existing.deleted) return fail(c, 'AGENCY_INVALID', `${body.code} da ton tai`);
    if (body.id !== '' && !existing) return fail(c, 'AGENCY_NOT_FOUND', body.code);
    if (existing && !(await agencies.manages(caller.systemId, existing.code))) return fail(c, 'AGENCY_FORBIDDEN', body.code);
    const parent = await core.store.findAgency(parentCode);
    const record: StoredAgency = {
      id: existing?.id ?? randomUUID(),
      pid: parent?.id,
      pcode: parent ? (parent.code102 ?? parent.code) : parentCode,
      code: body.code,
      code102: CODE102.test(body.code) ? body.code : existing?.code102,
      oldCode: existing?.oldCode,
      name: body.name,
      mail: body.mail || undefined,
      mobile: body.mobile || undefined,
      fax: body.fax || undefined,
      version: await nextDirectoryVersion(core.store, agencies.records),
      deleted: false,
      modifyDate: formatAxisTime(core.clock()),
      registeredBy: existing?.registeredBy ?? caller.systemId,
    };
    await core.store.putAgency(record);
    return ok(c);
  },
};
