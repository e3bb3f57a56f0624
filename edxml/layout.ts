// The canonical layout of QCVN 102 packets: which element carries which model
// field, in the order writers emit them. Parse and build both read these tables, so the element
// names live in exactly one place.
import type { Organization, ResponseFor, StaffInfo } from './types.ts';

/** A leaf field of a model object and the element that carries it. */
export type LeafField<T> = readonly [field: keyof T & string, element: string];

export const ORGANIZATION_FIELDS: readonly LeafField<Organization>[] = [
  ['organId', 'OrganId'],
  ['organizationInCharge', 'OrganizationInCharge'],
  ['organName', 'OrganName'],
  ['organAdd', 'OrganAdd'],
  ['email', 'Email'],
  ['telephone', 'Telephone'],
  ['fax', 'Fax'],
  ['website', 'Website'],
];

export const RESPONSE_FOR_FIELDS: readonly LeafField<ResponseFor>[] = [
  ['organId', 'OrganId'],
  ['code', 'Code'],
  ['promulgationDate', 'PromulgationDate'],
  ['documentId', 'DocumentId'],
];

export const STAFF_FIELDS: readonly LeafField<StaffInfo>[] = [
  ['department', 'Department'],
  ['staff', 'Staff'],
  ['mobile', 'Mobile'],
  ['email', 'Email'],
];

export const CODE_FIELDS = [
  ['codeNumber', 'CodeNumber'],
  ['codeNotation', 'CodeNotation'],
] as const;

export const PROMULGATION_FIELDS = [
  ['place', 'Place'],
  ['promulgationDate', 'PromulgationDate'],
] as const;

export const DOCUMENT_TYPE_FIELDS = [
  ['type', 'Type'],
  ['typeDetail', 'TypeDetail'],
  ['typeName', 'TypeName'],
] as const;

export const SIGNER_FIELDS = [
  ['competence', 'Competence'],
  ['position', 'Position'],
  ['fullName', 'FullName'],
] as const;

export const OTHER_INFO_FIELDS = [
  ['priority', 'Priority'],
  ['sphereOfPromulgation', 'SphereOfPromulgation'],
  ['typerNotation', 'TyperNotation'],
  ['promulgationAmount', 'PromulgationAmount'],
  ['pageAmount', 'PageAmount'],
] as const;

export const TRACE_FIELDS = [
  ['organId', 'OrganId'],
  ['timestamp', 'Timestamp'],
] as const;

export const REFERENCE_FIELDS = [
  ['contentId', 'ContentId'],
  ['contentType', 'ContentType'],
  ['description', 'Description'],
  ['attachmentName', 'AttachmentName'],
] as const;

export const ATTACHMENT_FIELDS = [
  ['contentId', 'ContentId'],
  ['attachmentName', 'AttachmentName'],
  ['description', 'Description'],
  ['contentType', 'ContentType'],
] as const;

/** The payload element holding the base64 text; its value bypasses the XML parser (see xml-scan.ts). */
export const ENCODED_ELEMENT = 'ContentTransferEncoded';

/** Element paths used by findings; kept here so validate and parse agree on them. */
export const PATH = {
  messageHeader: '/edXML/edXMLEnvelope/edXMLHeader/MessageHeader',
  traceList: '/edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList',
  business: '/edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/Bussiness',
  signature: '/edXML/edXMLEnvelope/edXMLHeader/Signature',
  manifest: '/edXML/edXMLEnvelope/edXMLBody/edXMLManifest',
  attachments: '/edXML/AttachmentEncoded',
} as const;

/** `name` or `name[i]` (1-based) when the element repeats, as finding paths require. */
export const indexed = (name: string, index: number, count: number): string =>
  count > 1 ? `${name}[${index + 1}]` : name;
