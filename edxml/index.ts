// The public entry of the packet library: parse, build, compose, validate, rules, identifier codes,
// status codes. Everything here is pure: no network, no files.
export type { Category, Finding, Level, LocalizedText } from './finding.ts';
export { hasError } from './finding.ts';
export type { Rule } from './rule.ts';
export { report } from './rule.ts';
export * from './types.ts';
export { parsePacket, decodePacketText, type ParseResult } from './parse.ts';
export { buildPacket } from './build.ts';
export {
  composeEdoc,
  composeStatus,
  documentIdOf,
  responseForDocument,
  type AttachmentInput,
  type EdocInput,
  type StatusInput,
} from './compose.ts';
export { validatePacket, checkPacket, type ValidateOptions, type ValidationReport } from './validate.ts';
export type { CheckContext } from './check-context.ts';
export {
  rules,
  packetRules,
  xmlRules,
  structureRules,
  identifierRules,
  dateRules,
  attachmentRules,
  statusRules,
  businessRules,
} from './rules.ts';
export { classifyOrganId, resolveAgency, sameAgency, type OrganIdForm } from './identifiers.ts';
export {
  STATUS_CODES,
  statusCodeInfo,
  normalizeStatusCode,
  checkStatusSequence,
  type StatusCodeInfo,
  type StatusDirection,
  type StatusEvent,
  type BusinessRequest,
  type StatusTrackEvent,
} from './status.ts';
export { decodeBase64, pdfStructureProblem, type PdfPayload, type SniffedType } from './attachments.ts';
export { parseDocumentId, type DocumentIdParts } from './document-id.ts';
export { isPacketDate, isPacketTimestamp, vietnamDate, vietnamTimestamp } from './dates.ts';
export { PATH } from './layout.ts';
