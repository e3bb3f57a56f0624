// The signature rules (docs/validate.md, levels of the `truc validate` column). Each is defined
// once; PDF, XMLDSig and the conformance suite report through these objects. Ids never change.
import type { Rule } from '../rule.ts';

const DECREE = 'Nghị định 30/2020/NĐ-CP, art. 21(2) (recipient verifies authenticity and integrity)';
const PDF_SIG = 'ISO 32000-1 §12.8 (PDF signatures); RFC 5652 (CMS)';
const PKIX = 'RFC 5280 (certificate path, validity, revocation)';
const XMLDSIG = 'W3C XML Signature 1.1; QCVN 102:2016/BTTTT edXMLHeader/Signature';

const rule = (id: string, level: Rule['level'], vi: string, en: string, cite: string): Rule => ({
  id,
  level,
  category: 'signature',
  message: { vi, en },
  cite,
});

export const sigRules = {
  pdfSignatureInvalid: rule('EDXML-SIG-001', 'error',
    'Chữ ký số PDF thứ {index} không kiểm tra được: {detail}.',
    'PDF signature {index} does not verify: {detail}.', `${PDF_SIG}; ${DECREE}`),
  pdfBytesChanged: rule('EDXML-SIG-002', 'error',
    'Nội dung PDF đã bị thay đổi trong vùng được ký bởi chữ ký thứ {index} ({signer}).',
    'PDF bytes were changed inside the range signed by signature {index} ({signer}).', `${PDF_SIG}; ${DECREE}`),
  pdfUnsignedTail: rule('EDXML-SIG-003', 'warning',
    'Có nội dung được thêm vào PDF sau chữ ký cuối cùng mà không được ký.',
    'Unsigned changes were appended to the PDF after its last signature.', PDF_SIG),
  untrustedChain: rule('EDXML-SIG-004', 'warning',
    'Chứng thư của {signer} không dẫn tới chứng thư gốc tin cậy nào được cấu hình.',
    'The certificate of {signer} does not chain to a configured trust anchor.', PKIX),
  certificateExpired: rule('EDXML-SIG-005', 'error',
    'Chứng thư của {signer} đã hết hạn ({notAfter}) tại thời điểm ký {at}.',
    'The certificate of {signer} had expired ({notAfter}) at signing time {at}.', PKIX),
  certificateNotYetValid: rule('EDXML-SIG-006', 'error',
    'Chứng thư của {signer} chưa có hiệu lực ({notBefore}) tại thời điểm ký {at}.',
    'The certificate of {signer} was not yet valid ({notBefore}) at signing time {at}.', PKIX),
  wrongKeyUsage: rule('EDXML-SIG-007', 'error',
    'Chứng thư của {signer} không được phép dùng để ký văn bản (keyUsage: {usage}).',
    'The certificate of {signer} does not allow document signing (keyUsage: {usage}).', `${PKIX}, §4.2.1.3 and §4.2.1.12`),
  certificateRevoked: rule('EDXML-SIG-008', 'error',
    'Chứng thư của {signer} đã bị thu hồi từ {revokedAt}, trước thời điểm ký {at}.',
    'The certificate of {signer} was revoked on {revokedAt}, before signing time {at}.', `${PKIX}, §5 (CRL)`),
  noRevocationData: rule('EDXML-SIG-009', 'warning',
    'Không có dữ liệu thu hồi (CRL) để kiểm tra chứng thư của {signer}.',
    'No revocation data (CRL) is available to check the certificate of {signer}.', `${PKIX}, §5 (CRL)`),
  noSigningTime: rule('EDXML-SIG-010', 'warning',
    'Chữ ký của {signer} không có thời điểm ký (signingTime); hiệu lực chứng thư được đánh giá tại thời điểm kiểm tra.',
    'The signature of {signer} has no signingTime; certificate validity is judged at validation time.', 'RFC 5652 §11.3 (signingTime)'),
  weakDigest: rule('EDXML-SIG-011', 'warning',
    'Chữ ký dùng thuật toán băm SHA-1 đã lỗi thời.',
    'The signature uses the obsolete SHA-1 digest.', 'NIST SP 800-131A (SHA-1 deprecated for signatures)'),
  unsupportedSubFilter: rule('EDXML-SIG-012', 'warning',
    'Chữ ký PDF thứ {index} có dạng /SubFilter {subFilter}, không phải adbe.pkcs7.detached hay ETSI.CAdES.detached; không được kiểm tra.',
    'PDF signature {index} has /SubFilter {subFilter}, neither adbe.pkcs7.detached nor ETSI.CAdES.detached; it was not verified.', PDF_SIG),
  pdfNotSigned: rule('EDXML-SIG-013', 'warning',
    'Tệp PDF đính kèm không có chữ ký số.',
    'The PDF attachment carries no digital signature.', `Nghị định 30/2020/NĐ-CP (signed electronic documents)`),
  noOrganisationSignature: rule('EDXML-SIG-014', 'warning',
    'Không có chữ ký số của cơ quan gửi ({organ}) trên tệp PDF.',
    'No signature of the sending organisation ({organ}) is on the PDF.', `Nghị định 30/2020/NĐ-CP (agency's digital signature)`),
  signerNameMismatch: rule('EDXML-SIG-015', 'warning',
    'Không có chữ ký nào của người ký "{fullName}" (SignerInfo/FullName); người ký trên PDF: {signers}.',
    'No signature is by the signer "{fullName}" (SignerInfo/FullName); PDF signers: {signers}.', `QCVN 102:2016/BTTTT SignerInfo/FullName`),
  xmlSignatureNamespace: rule('EDXML-SIG-016', 'error',
    'Phần tử Signature của gói tin không thuộc không gian tên XMLDSig (http://www.w3.org/2000/09/xmldsig#) mà thuộc "{namespace}", nên không thể kiểm tra.',
    'The packet Signature element is not in the XMLDSig namespace (http://www.w3.org/2000/09/xmldsig#) but in "{namespace}", so it cannot be verified.', XMLDSIG),
  xmlSignatureInvalid: rule('EDXML-SIG-017', 'error',
    'Chữ ký XML của gói tin không kiểm tra được: {detail}.',
    'The packet XML signature does not verify: {detail}.', XMLDSIG),
  invalidExcC14nUri: rule('EDXML-SIG-018', 'warning',
    'Chữ ký XML dùng URI không hợp lệ http://www.w3.org/TR/xml-exc-c14n# (được hiểu là C14N loại trừ http://www.w3.org/2001/10/xml-exc-c14n#).',
    'The XML signature uses the invalid URI http://www.w3.org/TR/xml-exc-c14n# (read as exclusive C14N, http://www.w3.org/2001/10/xml-exc-c14n#).', XMLDSIG),
  xmlSignaturePartial: rule('EDXML-SIG-019', 'error',
    'Chữ ký XML của gói tin không bao trùm toàn bộ gói tin: cần đúng một Reference URI="" với phép biến đổi enveloped-signature.',
    'The packet XML signature does not cover the whole packet: it needs a Reference URI="" with the enveloped-signature transform.', XMLDSIG),
  chainInvalid: rule('EDXML-SIG-020', 'error',
    'Đường dẫn chứng thư của {signer} không hợp lệ: {detail}.',
    'The certification path of {signer} is not valid: {detail}.', `${PKIX}, §6.1 (basic path validation), §4.2.1.9 (basicConstraints)`),
  signingTimeUnvouched: rule('EDXML-SIG-021', 'warning',
    'Chữ ký của {signer} chỉ hợp lệ nhờ thời điểm ký {at} do người ký tự khai (không có dấu thời gian): tại thời điểm kiểm tra {now} chứng thư đã {state}.',
    'The signature of {signer} is valid only by the signing time {at} the signer claims (no timestamp token): at validation time {now} the certificate is {state}.', 'RFC 5652 §11.3 (signingTime); RFC 3161 (signatureTimeStampToken); RFC 5280 §6.1'),
} as const;

export const signatureRules: Rule[] = Object.values(sigRules);
