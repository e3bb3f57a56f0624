// Rules on the MessageHeader of a document packet and on its TraceHeaders.
import { Findings, type CheckContext } from './check-context.ts';
import { isPacketDate, isPacketTimestamp, vietnamDate } from './dates.ts';
import { classifyOrganId, sameAgency } from './identifiers.ts';
import { indexed, PATH } from './layout.ts';
import { dateRules, identifierRules, structureRules } from './rules.ts';
import { codePointLength, isNonNegativeInteger } from './text.ts';
import type { EdocPacket, Organization, ResponseFor } from './types.ts';
import { documentIdOf } from './document-id.ts';

const MH = PATH.messageHeader;

/** Length limits of the provincial validator (warnings), by element path below MessageHeader. */
const LIMITS: [path: string, get: (p: EdocPacket) => string | undefined, limit: number][] = [
  ['Code/CodeNumber', (p) => p.header.code?.codeNumber, 11],
  ['Code/CodeNotation', (p) => p.header.code?.codeNotation, 30],
  ['PromulgationInfo/Place', (p) => p.header.promulgationInfo?.place, 50],
  ['DocumentType/TypeName', (p) => p.header.documentType?.typeName, 100],
  ['Subject', (p) => p.header.subject, 500],
  ['Content', (p) => p.header.content, 500],
  ['SignerInfo/Competence', (p) => p.header.signerInfo?.competence, 100],
  ['SignerInfo/Position', (p) => p.header.signerInfo?.position, 100],
  ['SignerInfo/FullName', (p) => p.header.signerInfo?.fullName, 50],
  ['OtherInfo/SphereOfPromulgation', (p) => p.header.otherInfo?.sphereOfPromulgation, 100],
  ['OtherInfo/TyperNotation', (p) => p.header.otherInfo?.typerNotation, 10],
];

/** A required leaf: absent → missing, blank → empty (both errors). Returns the value when usable. */
export function required(f: Findings, value: string | undefined, path: string, element: string): string | undefined {
  if (value === undefined) f.add(structureRules.missing, path, { element });
  else if (value.trim() === '') f.add(structureRules.emptyValue, path, { element });
  else return value;
  return undefined;
}

/** From/To/ResponseFor OrganId: required and a valid code (invalid is an error). */
export function checkOrganId(f: Findings, ctx: CheckContext, id: string | undefined, path: string, element: string) {
  const value = required(f, id, path, element);
  if (value !== undefined && classifyOrganId(value, ctx.allowIds) === 'invalid') f.add(identifierRules.invalid, path, { code: value });
}

function checkOrganization(f: Findings, ctx: CheckContext, o: Organization, path: string, element: string) {
  checkOrganId(f, ctx, o.organId, `${path}/OrganId`, `${element}/OrganId`);
  if (o.organName !== undefined && codePointLength(o.organName) > 200) {
    f.add(structureRules.tooLong, `${path}/OrganName`, { element: `${element}/OrganName`, length: codePointLength(o.organName), limit: 200 });
  }
}

export function checkDate(f: Findings, value: string | undefined, path: string, element: string) {
  if (value !== undefined && !isPacketDate(value)) f.add(dateRules.format, path, { element, value });
}

export function checkTimestamp(f: Findings, value: string | undefined, path: string, element: string) {
  if (value !== undefined && !isPacketTimestamp(value)) f.add(dateRules.timestamp, path, { element, value });
}

function checkInteger(f: Findings, value: string | undefined, path: string, element: string): boolean {
  if (value === undefined) return false;
  if (isNonNegativeInteger(value)) return true;
  f.add(structureRules.notInteger, path, { element, value });
  return false;
}

function checkRecipients(f: Findings, ctx: CheckContext, p: EdocPacket) {
  const to = p.header.to;
  if (to.length === 0) f.add(structureRules.missing, `${MH}/To`, { element: 'To' });
  to.forEach((o, i) => checkOrganization(f, ctx, o, `${MH}/${indexed('To', i, to.length)}`, 'To'));
  const ids = to.map((o) => o.organId);
  ids.forEach((id, i) => {
    if (id === undefined) return;
    const path = `${MH}/${indexed('To', i, to.length)}/OrganId`;
    const earlier = ids.slice(0, i).filter((x): x is string => x !== undefined);
    if (earlier.includes(id)) f.add(structureRules.duplicateRecipient, path, { code: id });
    else {
      const twin = earlier.find((x) => sameAgency(x, id, ctx.directory));
      if (twin !== undefined) f.add(identifierRules.sameAgencyTwice, path, { code: id, other: twin });
    }
  });
}

function checkDocumentId(f: Findings, p: EdocPacket) {
  const h = p.header;
  if (h.documentId === undefined) {
    f.add(structureRules.documentIdMissing, `${MH}/DocumentId`);
    return;
  }
  const path = `${MH}/DocumentId`;
  const [fromPart, datePart, ...rest] = h.documentId.split(',');
  const codePart = rest.join(',');
  const date = h.promulgationInfo?.promulgationDate;
  const expected = documentIdOf(h.from?.organId ?? '', date ?? '', h.code?.codeNumber ?? '', h.code?.codeNotation ?? '');
  const shapeOk = datePart !== undefined && rest.length > 0 && isPacketDate(datePart);
  const sameOrigin = fromPart === h.from?.organId && codePart.normalize('NFC') === `${h.code?.codeNumber ?? ''}/${h.code?.codeNotation ?? ''}`.normalize('NFC');
  if (!shapeOk || !sameOrigin) f.add(structureRules.documentIdMismatch, path, { value: h.documentId, expected });
  if (shapeOk && date !== undefined && datePart !== date) f.add(dateRules.documentIdDate, path, { value: datePart, expected: date });
}

function checkResponseFor(f: Findings, ctx: CheckContext, list: ResponseFor[]) {
  list.forEach((r, i) => {
    const path = `${MH}/${indexed('ResponseFor', i, list.length)}`;
    if (Object.values(r).every((v) => v === undefined || v.trim() === '')) {
      f.add(structureRules.emptyResponseFor, path);
      return;
    }
    checkOrganId(f, ctx, r.organId, `${path}/OrganId`, 'ResponseFor/OrganId');
    checkDate(f, r.promulgationDate, `${path}/PromulgationDate`, 'ResponseFor/PromulgationDate');
  });
}

export function checkEdocHeader(p: EdocPacket, ctx: CheckContext): Findings {
  const f = new Findings();
  const h = p.header;
  if (!h.from) f.add(structureRules.missing, `${MH}/From`, { element: 'From' });
  else checkOrganization(f, ctx, h.from, `${MH}/From`, 'From');
  checkRecipients(f, ctx, p);
  required(f, h.code?.codeNumber, `${MH}/Code/CodeNumber`, 'Code/CodeNumber');
  required(f, h.code?.codeNotation, `${MH}/Code/CodeNotation`, 'Code/CodeNotation');
  const date = required(f, h.promulgationInfo?.promulgationDate, `${MH}/PromulgationInfo/PromulgationDate`, 'PromulgationInfo/PromulgationDate');
  if (date !== undefined) {
    if (!isPacketDate(date)) f.add(dateRules.format, `${MH}/PromulgationInfo/PromulgationDate`, { element: 'PromulgationDate', value: date });
    else if (date > vietnamDate(ctx.now)) f.add(dateRules.future, `${MH}/PromulgationInfo/PromulgationDate`, { value: date });
  }
  checkDocumentId(f, p);
  const type = required(f, h.documentType?.type, `${MH}/DocumentType/Type`, 'DocumentType/Type');
  if (checkInteger(f, type, `${MH}/DocumentType/Type`, 'DocumentType/Type') && type !== '1' && type !== '2') {
    f.add(structureRules.unusualType, `${MH}/DocumentType/Type`, { value: type as string });
  }
  checkInteger(f, h.documentType?.typeDetail, `${MH}/DocumentType/TypeDetail`, 'DocumentType/TypeDetail');
  required(f, h.documentType?.typeName, `${MH}/DocumentType/TypeName`, 'DocumentType/TypeName');
  required(f, h.subject, `${MH}/Subject`, 'Subject');
  for (const [path, get, limit] of LIMITS) {
    const v = get(p);
    if (v !== undefined && codePointLength(v) > limit) f.add(structureRules.tooLong, `${MH}/${path}`, { element: path, length: codePointLength(v), limit });
  }
  checkDate(f, h.dueDate, `${MH}/DueDate`, 'DueDate');
  const priority = h.otherInfo?.priority;
  if (priority !== undefined && !/^[0-4]$/.test(priority)) f.add(structureRules.priority, `${MH}/OtherInfo/Priority`, { value: priority });
  checkInteger(f, h.otherInfo?.promulgationAmount, `${MH}/OtherInfo/PromulgationAmount`, 'OtherInfo/PromulgationAmount');
  checkInteger(f, h.otherInfo?.pageAmount, `${MH}/OtherInfo/PageAmount`, 'OtherInfo/PageAmount');
  checkResponseFor(f, ctx, h.responseFor);
  if (h.steeringType !== undefined && !/^[0-2]$/.test(h.steeringType)) f.add(structureRules.steeringType, `${MH}/SteeringType`, { value: h.steeringType });
  p.traceHeaders.forEach((t, i) => {
    const path = `${PATH.traceList}/${indexed('TraceHeader', i, p.traceHeaders.length)}`;
    if (t.organId !== undefined && classifyOrganId(t.organId, ctx.allowIds) === 'invalid') f.add(identifierRules.relay, `${path}/OrganId`, { code: t.organId });
    checkTimestamp(f, t.timestamp, `${path}/Timestamp`, 'TraceHeader/Timestamp');
  });
  return f;
}
