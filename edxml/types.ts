// The typed packet model of QCVN 102:2016. Every value is the string exactly as
// written in the packet (`01` stays `01`); absent optional elements are `undefined`.

export const QCVN_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

export type PacketKind = 'edoc' | 'status' | 'unknown';

/** An element the model has no field for, kept so that build(parse(x)) loses nothing. */
export interface ExtensionElement {
  /** Local name. */
  name: string;
  /** Namespace URI; `undefined` means the QCVN namespace, `''` no namespace. */
  namespace?: string;
  /** Attributes as written (qualified names, xmlns declarations included), values decoded. */
  attributes: Record<string, string>;
  text?: string;
  children: ExtensionElement[];
}

export interface Organization {
  organId?: string;
  organizationInCharge?: string;
  organName?: string;
  organAdd?: string;
  email?: string;
  telephone?: string;
  fax?: string;
  website?: string;
}

export interface DocumentCode {
  /** số */
  codeNumber?: string;
  /** ký hiệu */
  codeNotation?: string;
}

export interface ResponseFor {
  organId?: string;
  /** `number/notation` */
  code?: string;
  promulgationDate?: string;
  documentId?: string;
}

export interface StaffInfo {
  department?: string;
  staff?: string;
  mobile?: string;
  email?: string;
}

export interface TraceHeader {
  organId?: string;
  timestamp?: string;
}

/** BussinessDocType: 0 new, 1 revocation (thu hồi), 2 update (cập nhật), 3 replacement (thay thế). */
export interface Business {
  bussinessDocType?: string;
  bussinessDocReason?: string;
  documentId?: string;
  paper?: string;
  staffInfo?: StaffInfo;
  documentInfo?: {
    documentInfo?: string;
    documentReceiver?: string;
    receivers: { organId?: string; receiverType?: string }[];
  };
  replacements: { documentId?: string; organIds: string[] }[];
}

export interface ManifestReference {
  contentId?: string;
  contentType?: string;
  description?: string;
  attachmentName?: string;
}

export interface Attachment {
  contentId?: string;
  attachmentName?: string;
  description?: string;
  contentType?: string;
  /** Base64 text exactly as written (whitespace included); decode lazily, never eagerly. */
  encoded: string;
}

export interface MessageHeader {
  from?: Organization;
  to: Organization[];
  documentId?: string;
  code?: DocumentCode;
  promulgationInfo?: { place?: string; promulgationDate?: string };
  documentType?: { type?: string; typeDetail?: string; typeName?: string };
  subject?: string;
  content?: string;
  signerInfo?: { competence?: string; position?: string; fullName?: string };
  dueDate?: string;
  toPlaces: string[];
  otherInfo?: {
    priority?: string;
    sphereOfPromulgation?: string;
    typerNotation?: string;
    promulgationAmount?: string;
    pageAmount?: string;
    appendixes: string[];
  };
  responseFor: ResponseFor[];
  steeringType?: string;
  extensions: ExtensionElement[];
}

export interface StatusHeader {
  from?: Organization;
  responseFor?: ResponseFor;
  staffInfo?: StaffInfo;
  statusCode?: string;
  description?: string;
  timestamp?: string;
  extensions: ExtensionElement[];
}

export interface EdocPacket {
  kind: 'edoc';
  header: MessageHeader;
  traceHeaders: TraceHeader[];
  business?: Business;
  /** True when the header carries a Signature element (any namespace). */
  signed: boolean;
  /** The Signature element itself, kept so that build(parse(x)) keeps it (it no longer verifies once rebuilt). */
  signature?: ExtensionElement;
  manifest: ManifestReference[];
  attachments: Attachment[];
}

export interface StatusPacket {
  kind: 'status';
  header: StatusHeader;
}

export type Packet = EdocPacket | StatusPacket;

/** One agency of the axis directory. Kept as data, never code: provinces merge. */
export interface DirectoryRecord {
  id: string;
  /** Parent record id. */
  pid?: string;
  /** Parent (centre) code. */
  pcode?: string;
  /** QĐ 20/2020 form, e.g. `G12`; equals code102 for agencies that only have the QCVN 102 form. */
  code: string;
  /** QCVN 102 form, e.g. `000.00.00.G12`. */
  code102?: string;
  oldCode?: string;
  name: string;
  mail?: string;
  mobile?: string;
  fax?: string;
  version: number;
  deleted: boolean;
  /** `yyyy-MM-dd HH:mm:ss`, Vietnam local time. */
  modifyDate?: string;
  /** Seed records whose code was inferred (e.g. province numbers from alphabetical order). */
  inferred?: boolean;
}
