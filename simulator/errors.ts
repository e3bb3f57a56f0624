// The axis error table. No public list of the real axis's non-zero codes exists, so truc defines
// its own: stable codes, ASCII text (the Java client decodes replies as US-ASCII), and when each
// happens. docs/axis.md renders this same table; clients match on `ErrorCode`, never on text.

export interface AxisErrorDef {
  /** `ErrorCode` in the envelope. */
  code: string;
  /** `ErrorDesc`, ASCII only (unaccented Vietnamese). */
  desc: string;
  /** HTTP status; protocol failures are 200 because clients ignore it. */
  http: number;
  /** When it happens (documentation). */
  when: string;
}

export const AXIS_ERRORS = {
  OK: { code: '0', desc: 'Thanh cong', http: 200, when: 'The operation succeeded.' },
  AUTH_MISSING: {
    code: '1',
    desc: 'Thieu thong tin xac thuc (XroadVnpt-sign-header, XroadVnpt-hash-header, XroadVnpt-systemid)',
    http: 200,
    when: 'A signed-header field is missing or the sign-header is not a JSON object of strings.',
  },
  AUTH_BAD_SIGNATURE: {
    code: '2',
    desc: 'Chu ky HMAC khong hop le',
    http: 200,
    when: 'The hash-header is not the HMAC-SHA256 of the raw sign-header under the system secret.',
  },
  UNKNOWN_SYSTEM: { code: '3', desc: 'He thong chua duoc dang ky', http: 200, when: 'The systemid is not a registered system.' },
  HEADER_MISMATCH: {
    code: '4',
    desc: 'Tieu de XroadVnpt khong khop voi tieu de da ky',
    http: 200,
    when: 'An XroadVnpt-<name> header disagrees with the signed JSON, or the signed systemid differs from XroadVnpt-systemid.',
  },
  TIMESTAMP_STALE: {
    code: '5',
    desc: 'Thoi gian yeu cau khong hop le hoac qua han',
    http: 200,
    when: 'Timestamp freshness is enabled and the signed timestamp is unreadable or outside the window.',
  },
  SIGNED_HEADERS_REUSED: {
    code: '6',
    desc: 'Bo tieu de da ky da duoc su dung',
    http: 200,
    when: 'One-use policy (sandbox): this exact signed-header set was already accepted, on this operation or another (the operation it was used on follows the text).',
  },
  MALFORMED_REQUEST: {
    code: '10',
    desc: 'Yeu cau khong doc duoc',
    http: 400,
    when: 'The request body or a header value cannot be read (e.g. invalid JSON for registerAgency).',
  },
  UNKNOWN_OPERATION: { code: '11', desc: 'Khong co chuc nang nay', http: 404, when: 'The path names no axis operation.' },
  METHOD_NOT_ALLOWED: {
    code: '12',
    desc: 'Phuong thuc HTTP khong dung',
    http: 405,
    when: 'An operation is called with the wrong method (all are POST except downloadEdoc, GET).',
  },
  PAYLOAD_TOO_LARGE: { code: '13', desc: 'Du lieu gui len qua lon', http: 413, when: 'The body exceeds the configured limit (default 50 MB).' },
  MISSING_HEADER: {
    code: '14',
    desc: 'Thieu tham so bat buoc',
    http: 200,
    when: 'A logical header the operation needs (messagetype, docId, status, AgencyCode) is missing or has an unknown value.',
  },
  UNSTORABLE_INPUT: {
    code: '15',
    desc: 'Yeu cau chua ky tu khong hop le',
    http: 400,
    when: 'A signed header (name or value) or a registerAgency field holds a character outside XML\'s Char production (NUL, a lone surrogate, U+FFFE/U+FFFF, C0 controls): no store could keep it. Journaled with the characters escaped.',
  },
  MALFORMED_PACKET: {
    code: '20',
    desc: 'Goi tin khong dung dinh dang edXML',
    http: 200,
    when: 'The sendEdoc body is not a well-formed edXML packet.',
  },
  NO_SENDER: { code: '21', desc: 'Goi tin khong co don vi gui (From/OrganId)', http: 200, when: 'The packet names no sender.' },
  SENDER_MISMATCH: {
    code: '22',
    desc: 'Don vi gui khong khop voi he thong goi',
    http: 200,
    when: 'The from header or packet From/OrganId is neither the caller nor a unit registered under it.',
  },
  NO_RECIPIENT: {
    code: '23',
    desc: 'Goi tin khong co don vi nhan',
    http: 200,
    when: 'The packet has no To/OrganId (edoc) or no ResponseFor/OrganId (status).',
  },
  UNKNOWN_RECIPIENT: {
    code: '24',
    desc: 'Don vi nhan khong co trong danh ba',
    http: 200,
    when: 'A recipient code resolves to no agency of the directory, connected system or allow-listed id; nothing is stored.',
  },
  HASH_MISMATCH: {
    code: '25',
    desc: 'Ma bam hash-file khong khop voi noi dung',
    http: 200,
    when: 'hash-file is missing or matches the body neither without nor with its trailing CRLF, in either hex rendering.',
  },
  MESSAGETYPE_MISMATCH: {
    code: '26',
    desc: 'messagetype khong khop voi loai goi tin',
    http: 200,
    when: 'messagetype is not edoc/status, or contradicts the packet (a status packet sent as edoc or the reverse).',
  },
  STRICT_REJECTED: {
    code: '27',
    desc: 'Goi tin vi pham quy tac',
    http: 200,
    when: 'Strict mode only: the validator found an error; the first error rule id follows the text.',
  },
  PACKET_TOO_COMPLEX: {
    code: '28',
    desc: 'Goi tin vuot gioi han xu ly',
    http: 200,
    when: 'The packet has more start tags (default 20,000) or more recipients (default 1,000) than the configured limits; refused before validation and routing, nothing is stored.',
  },
  DOCUMENT_NOT_FOUND: {
    code: '30',
    desc: 'Khong tim thay van ban',
    http: 200,
    when: 'The docId is unknown or is not the caller\'s (the reply never says which).',
  },
  INVALID_STATUS: {
    code: '31',
    desc: 'Trang thai khong hop le (done, fail, processing)',
    http: 200,
    when: 'updateStatus with a status other than done, fail or processing.',
  },
  AGENCY_NOT_FOUND: { code: '40', desc: 'Khong tim thay don vi', http: 200, when: 'deleteAgency or an update names no known unit.' },
  AGENCY_FORBIDDEN: {
    code: '41',
    desc: 'He thong khong quan ly don vi nay',
    http: 200,
    when: 'A system registers, updates or deletes a unit outside its own code and the units it registered, or claims a code that is not its own nor below its agency in the identifier hierarchy: another connected system\'s id, an allow-listed test id, a code another system registered (the reason follows the text).',
  },
  AGENCY_INVALID: {
    code: '42',
    desc: 'Thong tin don vi khong hop le',
    http: 200,
    when: 'registerAgency without a valid code or name, or a new unit whose code already exists.',
  },
  FAULT_INJECTED: {
    code: '50',
    desc: 'Truc tam thoi khong xu ly duoc yeu cau',
    http: 200,
    when: 'A fault set through the control API answers FAIL (before anything is stored).',
  },
  JOURNAL_UNAVAILABLE: {
    code: '98',
    desc: 'Khong ghi duoc nhat ky, yeu cau khong duoc xac nhan',
    http: 503,
    when: 'The journal entry of the exchange could not be stored: the exchange is not confirmed (a retried send gets its first DocId). Counted; a conformance run that lost an entry ends incomplete.',
  },
  INTERNAL: {
    code: '99',
    desc: 'Loi he thong cua truc',
    http: 503,
    when: 'An unexpected failure (e.g. the store is unreachable); nothing was stored.',
  },
} as const satisfies Record<string, AxisErrorDef>;

export type AxisErrorName = keyof typeof AXIS_ERRORS;
