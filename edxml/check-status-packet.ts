// Rules on a status packet's MessageHeader. The order of statuses over time is
// checked by checkStatusSequence in status.ts, which needs more than one packet.
import { checkDate, checkOrganId, checkTimestamp, required } from './check-header.ts';
import { Findings, type CheckContext } from './check-context.ts';
import { PATH } from './layout.ts';
import { statusRules, structureRules } from './rules.ts';
import { statusCodeInfo } from './status.ts';
import type { StatusPacket } from './types.ts';

const MH = PATH.messageHeader;

export function checkStatusPacket(p: StatusPacket, ctx: CheckContext): Findings {
  const f = new Findings();
  const h = p.header;
  if (!h.from) f.add(structureRules.missing, `${MH}/From`, { element: 'From' });
  else checkOrganId(f, ctx, h.from.organId, `${MH}/From/OrganId`, 'From/OrganId');
  const r = h.responseFor;
  if (!r) f.add(structureRules.missing, `${MH}/ResponseFor`, { element: 'ResponseFor' });
  else {
    checkOrganId(f, ctx, r.organId, `${MH}/ResponseFor/OrganId`, 'ResponseFor/OrganId');
    if (r.documentId === undefined) f.add(structureRules.documentIdMissing, `${MH}/ResponseFor/DocumentId`);
    checkDate(f, r.promulgationDate, `${MH}/ResponseFor/PromulgationDate`, 'ResponseFor/PromulgationDate');
  }
  const code = required(f, h.statusCode, `${MH}/StatusCode`, 'StatusCode');
  if (code !== undefined && !statusCodeInfo(code)) f.add(statusRules.unknownCode, `${MH}/StatusCode`, { value: code });
  const timestamp = required(f, h.timestamp, `${MH}/Timestamp`, 'Timestamp');
  checkTimestamp(f, timestamp, `${MH}/Timestamp`, 'Timestamp');
  return f;
}
