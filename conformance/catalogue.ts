// The case catalogue of docs/conformance.md as data: ids are stable, titles may improve. The
// runner, the reports and the certificate all read cases from here, so an id exists once.
import type { LocalizedText } from '../edxml/finding.ts';

/** R = required in its profile (failure blocks the verdict), W = recommended (reported as `warn`). */
export type CaseLevel = 'required' | 'recommended';

/** A profile a case belongs to; `full` (all three) is a run option, not a case property. */
export type CaseProfile = 'core' | 'business' | 'resilience';

export type RunProfile = CaseProfile | 'full';

export interface Requirement {
  /** The text the requirement comes from: a standard, a decree, or the axis's observed behaviour. */
  source: string;
  article: string;
}

export interface CatalogueEntry {
  id: string;
  title: LocalizedText;
  requirement: Requirement;
  level: CaseLevel;
  profile: CaseProfile;
}

const QCVN = 'QCVN 102:2016/BTTTT';
const DECREE = 'Nghị định 30/2020/NĐ-CP';
const QD20 = 'Quyết định 20/2020/QĐ-TTg';
const QD28 = 'Quyết định 28/2018/QĐ-TTg';
const AXIS = 'Hành vi trục liên thông / axis behaviour';

const entry = (
  id: string,
  level: CaseLevel,
  profile: CaseProfile,
  vi: string,
  en: string,
  source: string,
  article: string,
): CatalogueEntry => ({ id, title: { vi, en }, requirement: { source, article }, level, profile });

const R: CaseLevel = 'required';
const W: CaseLevel = 'recommended';

export const CATALOGUE: readonly CatalogueEntry[] = [
  // Transport
  entry('T-01', R, 'core', 'Mọi yêu cầu có HMAC hợp lệ và systemid đã đăng ký', 'Every request carries a valid HMAC and a registered systemid', AXIS, 'xác thực tiêu đề ký / signed logical headers'),
  entry('T-02', R, 'core', 'Tiêu đề from, From/OrganId và systemid thống nhất', 'The from header, From/OrganId and systemid agree', AXIS, 'sendEdoc: người gửi là bên gọi / sender is the caller'),
  entry('T-03', R, 'core', 'hash-file khớp với nội dung gói tin', 'hash-file matches the sent body', AXIS, 'sendEdoc: hash-file'),
  entry('T-04', R, 'core', 'messagetype khớp với loại gói tin', 'messagetype matches the kind of packet', AXIS, 'sendEdoc: messagetype edoc/status'),
  entry('T-05', R, 'core', 'Khoá bí mật không bao giờ được truyền đi', 'The secret is never transmitted', AXIS, 'xác thực: khoá bí mật không truyền / the secret is never sent'),
  entry('T-06', W, 'core', 'Hệ thống hỏi trục đều đặn nhưng không quá dày', 'The system polls regularly but not too fast', QD28, 'kết nối, vận hành trục / connection and operation of the axis'),
  // Receive
  entry('R-01', R, 'core', 'Văn bản mới được liệt kê, lấy về và xác nhận done đúng hạn', 'A new document is listed, fetched and acknowledged done in time', AXIS, 'getReceivedEdocList, getEdoc, updateStatus'),
  entry('R-02', R, 'core', 'Đúng một xác nhận kết thúc cho mỗi lần chuyển; không đụng tới văn bản của đơn vị khác', 'Exactly one terminal acknowledgement per delivery; never another system’s id', AXIS, 'updateStatus done|fail'),
  entry('R-03', R, 'core', 'Trạng thái 01 được gửi lại cho mỗi văn bản nhận, ResponseFor khớp văn bản gốc', 'Status 01 comes back for each received document with a matching ResponseFor', QCVN, 'gói tin trạng thái, mã 01 / status packet, code 01'),
  entry('R-04', R, 'core', 'Văn bản nhiều tệp đính kèm (PDF ký số, DOCX, ZIP) được tiếp nhận', 'A document with several attachments (signed PDF, DOCX, ZIP) is accepted', QCVN, 'tệp đính kèm / attachments'),
  entry('R-05', R, 'core', 'Ký hiệu tiếng Việt được giữ nguyên từng byte (NFC)', 'Vietnamese letters in CodeNotation come back byte-exact (NFC)', QCVN, 'Code/CodeNotation, DocumentId'),
  entry('R-06', R, 'core', 'Văn bản gửi nhiều nơi nhận: đúng một 01 và một 03 từ hệ thống', 'A document to several agencies yields exactly one 01 and one 03 from the system', QCVN, 'gói tin trạng thái / status packets'),
  entry('R-07', R, 'core', 'Cùng một văn bản chuyển hai lần: xác nhận hai lần, tối đa một 01 và một 03', 'The same document delivered twice: acknowledged twice, at most one 01 and one 03', DECREE, 'điều 21 khoản 2: đăng ký văn bản đến một lần / register once'),
  entry('R-08', R, 'core', 'Gói tin hỏng được trả lại 02 có lý do, hệ thống vẫn nhận văn bản tiếp theo', 'Damaged deliveries are answered 02 with a reason and the next document still flows', DECREE, 'điều 21 khoản 2: kiểm tra tính xác thực và toàn vẹn / authenticity and integrity'),
  entry('R-09', R, 'core', 'Văn bản gửi nhầm nơi nhận được trả lại 02 có lý do', 'A wrongly addressed document is answered 02 with a reason', DECREE, 'điều 21 khoản 2: trả lại văn bản gửi sai / return wrongly addressed documents'),
  entry('R-10', W, 'core', 'Văn bản dung lượng lớn được nhận và trả 01 đúng hạn', 'A large document is received and answered 01 in time', QD28, 'dung lượng gói tin / packet size'),
  entry('R-11', R, 'core', 'Gói tin trạng thái gửi tới hệ thống được lấy về và xác nhận', 'Status packets addressed to the system are fetched and acknowledged', AXIS, 'messagetype=status'),
  // Send
  entry('S-01', R, 'core', 'Gói tin gửi đi đúng cấu trúc edXML, đúng không gian tên QCVN 102', 'The sent packet is well-formed edXML in the QCVN 102 namespace', QCVN, 'cấu trúc gói tin edXML / edXML structure'),
  entry('S-02', R, 'core', 'Đủ và đúng các trường siêu dữ liệu bắt buộc', 'Mandatory metadata is present and valid', QCVN, 'MessageHeader'),
  entry('S-03', W, 'core', 'DocumentId có mặt và thống nhất với các trường khác', 'DocumentId is present and consistent with the other fields', QCVN, 'MessageHeader/DocumentId'),
  entry('S-04', R, 'core', 'Tệp đính kèm: danh mục và nội dung khớp một-một, giải mã được', 'Attachments: manifest and payloads match one to one and decode', QCVN, 'edXMLManifest, AttachmentEncoded'),
  entry('S-05', W, 'core', 'TraceHeaderList có dấu vết của chính bên gửi với thời điểm hợp lý', 'TraceHeaderList carries the sender’s own trace with a plausible timestamp', QCVN, 'TraceHeaderList'),
  entry('S-06', R, 'core', 'Gửi nhiều nơi nhận bằng một gói tin liệt kê đủ, mỗi nơi đều nhận được', 'A send to several recipients is one packet listing all, each delivered', QCVN, 'MessageHeader/To'),
  entry('S-07', R, 'core', 'Các gói tin trạng thái trả về cho văn bản đã gửi được lấy về và xác nhận', 'Status packets coming back for a sent document are fetched and acknowledged', AXIS, 'messagetype=status'),
  entry('S-08', W, 'core', 'getSentEdocList chỉ dùng với mã gửi của chính hệ thống', 'getSentEdocList is called with the system’s own sender ids only', AXIS, 'getSentEdocList'),
  // Status feedback
  entry('ST-01', R, 'core', 'Mọi gói tin trạng thái đúng cấu trúc và đủ trường', 'Every status packet is well-formed and complete', QCVN, 'gói tin trạng thái / status packet'),
  entry('ST-02', R, 'core', 'Mã trạng thái thuộc bảng mã quy định', 'StatusCode is one of the defined codes', QCVN, 'StatusCode'),
  entry('ST-03', R, 'core', 'Trình tự trạng thái xử lý hợp lệ', 'The processing status track is legal', QCVN, 'trình tự trạng thái / status track'),
  entry('ST-04', R, 'core', 'Trạng thái 01 được gửi trong thời hạn tiếp nhận', 'Status 01 arrives within the receipt deadline', DECREE, 'điều 21 khoản 2: thông báo đã nhận trong ngày / receipt notified the same day'),
  entry('ST-05', R, 'core', 'Trạng thái 02 có lý do từ chối', 'A 02 carries a non-empty reason', QCVN, 'StatusCode 02, Description'),
  entry('ST-06', R, 'core', 'Mỗi trạng thái gửi tới đúng cơ quan được nhận', 'Each status goes to the agency entitled to it', QCVN, 'ResponseFor/OrganId'),
  entry('ST-07', R, 'core', 'Timestamp của gói tin trạng thái là giờ Việt Nam, đúng lúc gửi', 'The status Timestamp is Vietnam time, written when sent', QCVN, 'gói tin trạng thái, Timestamp: giờ Việt Nam UTC+7 / status packet Timestamp in Vietnam time (UTC+7)'),
  // Identifier codes
  entry('I-01', R, 'core', 'Mọi mã định danh hệ thống ghi ra đều hợp lệ', 'Every agency code the system writes is valid', QD20, 'mã định danh / identifier codes (và/and QCVN 102:2016)'),
  entry('I-02', R, 'core', 'From là mã đã đăng ký của hệ thống hoặc đơn vị trực thuộc', 'From is the system’s registered code or a unit it registered', AXIS, 'sendEdoc: người gửi / sender'),
  entry('I-03', W, 'core', 'Hệ thống đọc danh bạ cơ quan ít nhất một lần', 'The system reads the agency directory at least once', AXIS, 'getAgenciesList, getAgenciesListQD20, getSynchronizeUnit'),
  entry('I-04', R, 'core', 'Văn bản có From dạng QĐ 20 được xử lý như dạng QCVN 102', 'A document whose From uses the QĐ 20 form is answered like the QCVN 102 form', QD20, 'hai dạng mã cùng hiệu lực / both code forms'),
  entry('I-05', W, 'core', 'Gửi tới mã không có trong danh bạ: dừng sau số lần thử giới hạn', 'Sending to an unknown code gives up after a bounded number of attempts', AXIS, 'sendEdoc: nơi nhận không tồn tại / unknown recipient'),
  // Signatures
  entry('SG-01', R, 'core', 'Mọi PDF gửi đi có chữ ký số nguyên vẹn, chuỗi tới gốc tin cậy', 'Every sent PDF carries intact signatures chaining to a trust anchor', DECREE, 'chữ ký số trên văn bản điện tử / digital signatures on electronic documents'),
  entry('SG-02', R, 'core', 'Có chữ ký số của cơ quan ban hành', 'One signature is the issuing organisation’s', DECREE, 'chữ ký số của cơ quan, tổ chức / the organisation’s signature'),
  entry('SG-03', R, 'core', 'Chứng thư còn hiệu lực, chưa bị thu hồi, đúng mục đích ký', 'Certificates valid, not revoked, with a signing key usage', DECREE, 'chữ ký số hợp lệ / valid digital signatures'),
  entry('SG-04', R, 'core', 'Nếu ký gói tin (XMLDSig) thì chữ ký hợp lệ', 'If the system signs packets (XMLDSig), the signature verifies', QCVN, 'edXMLHeader/Signature'),
  entry('SG-05', R, 'core', 'Văn bản bị sửa sau khi ký được trả lại 02', 'A document changed after signing is answered 02', DECREE, 'điều 21 khoản 2: kiểm tra toàn vẹn / integrity check'),
  entry('SG-06', R, 'core', 'Văn bản ký bằng chứng thư không tin cậy, hết hạn hoặc bị thu hồi được trả lại 02', 'A document signed with an untrusted, expired or revoked certificate is answered 02', DECREE, 'điều 21 khoản 2: kiểm tra tính xác thực / authenticity check'),
  entry('SG-07', R, 'core', 'Văn bản ký đúng được tiếp nhận (03)', 'A correctly signed document is accepted (03)', DECREE, 'điều 21 khoản 2: tiếp nhận văn bản hợp lệ / accept valid documents'),
  // Business changes
  entry('B-01', R, 'business', 'Văn bản thu hồi được trả lời 15 hoặc 16', 'A revocation is answered 15 or 16', QCVN, 'Bussiness/BussinessDocType 1'),
  entry('B-02', R, 'business', 'Văn bản cập nhật nơi nhận được trả lời 15 hoặc 16', 'An update of recipients is answered 15 or 16', QCVN, 'Bussiness/BussinessDocType 2'),
  entry('B-03', R, 'business', 'Văn bản thay thế được trả lời 15 hoặc 16; sau 15 không còn 04/05/06 cho văn bản bị thay', 'A replacement is answered 15 or 16; after 15 no 04/05/06 for the replaced document', QCVN, 'Bussiness/BussinessDocType 3'),
  entry('B-04', R, 'business', 'Yêu cầu lấy lại (13) được trả lời 15 hoặc 16', 'A take-back request (13) is answered 15 or 16', QCVN, 'StatusCode 13, 15, 16'),
  entry('B-05', R, 'business', 'Khi được yêu cầu, hệ thống gửi đúng gói tin thu hồi / cập nhật / thay thế', 'Triggered, the system sends a correct revocation / update / replacement packet', QCVN, 'Bussiness'),
  entry('B-06', R, 'business', 'Khi được yêu cầu, hệ thống gửi 13 tới nơi nhận văn bản', 'Triggered, the system sends a 13 to the document’s recipient', QCVN, 'StatusCode 13'),
  // Resilience
  entry('F-01', R, 'resilience', 'sendEdoc bị từ chối một lần: gửi lại, chỉ một gói tin được lưu', 'sendEdoc refused once: the system retries and exactly one packet is stored', QD28, 'bảo đảm gửi nhận / reliable delivery'),
  entry('F-02', R, 'resilience', 'Lần lấy văn bản đầu tiên bị rớt: lấy lại và xác nhận', 'The first fetch is dropped: the system retries and acknowledges', QD28, 'bảo đảm gửi nhận / reliable delivery'),
  entry('F-03', R, 'resilience', 'updateStatus lỗi một lần: xác nhận lại, tối đa một 01 và một 03', 'updateStatus fails once: the ack is retried, at most one 01 and one 03', QD28, 'bảo đảm gửi nhận / reliable delivery'),
  entry('F-04', R, 'resilience', 'Trục im lặng một thời gian rồi phục hồi: mọi văn bản được xử lý đúng một lần', 'The axis goes silent then recovers: every document is handled exactly once', QD28, 'bảo đảm gửi nhận / reliable delivery'),
  entry('F-05', W, 'resilience', 'Có độ trễ thêm, các luồng chính vẫn hoàn thành đúng hạn', 'With added latency the core flows still complete in time', QD28, 'bảo đảm gửi nhận / reliable delivery'),
];

const byId = new Map(CATALOGUE.map((e) => [e.id, e]));

/** The catalogue entry of `id`, or undefined for an id the spec does not define. */
export const catalogueEntry = (id: string): CatalogueEntry | undefined => byId.get(id);

/** The cases a run of `profile` examines, in catalogue order. */
export const casesOfProfile = (profile: RunProfile): CatalogueEntry[] =>
  CATALOGUE.filter((e) => profile === 'full' || e.profile === profile);

export const RUN_PROFILES: readonly RunProfile[] = ['core', 'business', 'resilience', 'full'];
