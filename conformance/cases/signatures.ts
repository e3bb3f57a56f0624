// Signatures (SG-01…SG-07). What the SUT signs (SG-01…SG-04) is judged from the findings the
// simulator's intake journaled: it ran the one validator (verifyPdfSignatures, verifyPacketSignature)
// with the run's trust anchors and CRL, so these cases cite the same rule ids as `truc validate`,
// stricter where the catalogue says so. What the SUT accepts (SG-05…SG-07) is judged from the
// status it answers to documents the case signs with the run's PKI, defective on purpose or not.
import type { LocalizedText } from '../../edxml/finding.ts';
import type { CertificateVariant } from '../../edxml/signatures/index.ts';
import { CaseHarnessError, defineCase, type CaseContext, type CaseDefinition, type CaseDocument } from '../case.ts';
import type { JournalEntry } from '../journal-view.ts';
import { signedPdfAttachment } from './support/counterparts/sign.ts';
import {
  certificateFindings,
  type FindingSelector,
  findingsOf,
  ORGANISATION_SIGNATURE_STRICTER,
  organisationSignatureFindings,
  packetSignatureFindings,
  PDF_INTEGRITY_STRICTER,
  pdfIntegrityFindings,
  sentFindingsCase,
} from './support/judgement/findings.ts';
import type { SentStatus } from './support/journal/traffic.ts';
import { deliverDocument } from './support/counterparts/inject.ts';
import { sentEdocHeader, statusCodeOf, statusesAbout } from './support/journal/sent-packets.ts';
import { sendByTrigger } from './support/waits.ts';
import { SIGNED_PDF, triggerDocument } from '../case-documents.ts';

/** Triggers a send of a document with a PDF the SUT must sign; resolves with the accepted packet's entry. */
const sendSignedDocument = (ctx: CaseContext): Promise<JournalEntry> =>
  sendByTrigger(ctx, triggerDocument(ctx, [SIGNED_PDF]), ctx.agencies);

const signedPdfCase = (
  id: string,
  select: FindingSelector,
  stricter: readonly string[],
  expected: LocalizedText,
  passed: LocalizedText | ((entry: JournalEntry) => LocalizedText),
): CaseDefinition => sentFindingsCase({ id, send: sendSignedDocument, select, stricter, expected, passed });

// Stricter than `truc validate` (spec SG-01): an unsigned PDF, a chain to no trust anchor of the run
// or a signature form nobody can verify are warnings there, failures here.
const sg01 = signedPdfCase(
  'SG-01',
  pdfIntegrityFindings,
  PDF_INTEGRITY_STRICTER,
  {
    vi: 'Mọi PDF gửi đi có chữ ký số nguyên vẹn (adbe.pkcs7.detached hoặc ETSI.CAdES.detached) dẫn tới một gốc tin cậy của lượt chạy',
    en: 'Every sent PDF carries intact signatures (adbe.pkcs7.detached or ETSI.CAdES.detached) chaining to a trust anchor of the run',
  },
  { vi: 'PDF được ký số nguyên vẹn, chuỗi tới gốc tin cậy', en: 'PDFs are signed, intact, and chain to a trust anchor' },
);

// Stricter (spec SG-02): the organisation's own signature is required, not merely recommended.
const sg02 = signedPdfCase(
  'SG-02',
  organisationSignatureFindings,
  ORGANISATION_SIGNATURE_STRICTER,
  {
    vi: 'Một chữ ký trên PDF là của cơ quan gửi (chứng thư ghi cơ quan của From)',
    en: 'One PDF signature is the sending organisation’s (its certificate names the agency of From)',
  },
  { vi: 'Có chữ ký số của cơ quan gửi', en: 'The sending organisation signed' },
);

const sg03 = signedPdfCase(
  'SG-03',
  certificateFindings,
  [],
  {
    vi: 'Chứng thư còn hiệu lực và chưa bị thu hồi tại thời điểm ký, được phép dùng để ký',
    en: 'Certificates valid and not revoked at signing time, with a signing key usage',
  },
  // Validity is judged at the CMS signingTime; without a timestamp token that time is the signer's
  // own claim, and the result says so rather than claiming more than was verified.
  {
    vi: 'Chứng thư hợp lệ tại thời điểm ký (thời điểm ký do người ký ghi trong CMS; không có dấu thời gian thì đó là lời tự khai của người ký)',
    en: 'Certificates were valid at signing time (the CMS signingTime the signer wrote; without a timestamp token it is the signer’s own claim)',
  },
);

const sg04Expected: LocalizedText = {
  vi: 'Chữ ký XMLDSig của gói tin kiểm tra được và thuộc không gian tên XMLDSig',
  en: 'The packet’s XMLDSig signature verifies and is in the XMLDSig namespace',
};

const sg04 = defineCase<undefined, JournalEntry>({
  id: 'SG-04',
  counterparts: 1,
  schedule: 'concurrent',
  await: sendSignedDocument,
  assert: (ctx, _state, entry) => {
    const packet = sentEdocHeader(entry);
    if (!packet) {
      throw new CaseHarnessError('CONF-CASE-UNREADABLE', `Không đọc được phần đầu gói tin #${entry.id}`, `The header of packet #${entry.id} cannot be read`);
    }
    // A Signature placed after the body may lie beyond the journal's excerpt; the intake verified
    // the whole packet, so its findings also say the packet is signed.
    const findings = findingsOf(entry, packetSignatureFindings);
    const misplacedSignature = entry.findings.some((f) => f.rule === 'EDXML-STRUCT-003' && f.path.endsWith('/Signature'));
    if (!packet.signed && !misplacedSignature && findings.length === 0) ctx.skip({ vi: 'Hệ thống không ký gói tin (XMLDSig)', en: 'The system does not sign packets (XMLDSig)' });
    ctx.judgeFindings(findings, sg04Expected);
    ctx.pass({ vi: 'Chữ ký XMLDSig của gói tin hợp lệ', en: 'The packet’s XMLDSig signature verifies' });
  },
});

/** A document signed as the case says, and the SUT's verdict on it. */
interface Signed {
  doc: CaseDocument;
  label: LocalizedText;
  variant: CertificateVariant;
  tamper: boolean;
}

const VARIANT_TEXT: Record<string, LocalizedText> = {
  tampered: { vi: 'bị sửa sau khi ký', en: 'changed after signing' },
  untrusted: { vi: 'ký bằng chứng thư từ gốc không tin cậy', en: 'signed with a certificate from an untrusted root' },
  expired: { vi: 'ký bằng chứng thư đã hết hạn', en: 'signed with an expired certificate' },
  revoked: { vi: 'ký bằng chứng thư đã bị thu hồi', en: 'signed with a revoked certificate' },
  valid: { vi: 'ký đúng bằng chứng thư hợp lệ', en: 'correctly signed with a valid certificate' },
};

/** Signs and delivers one document per plan entry, each from the case's counterpart to the SUT. */
async function deliverSigned(ctx: CaseContext, plan: { variant: CertificateVariant; tamper?: boolean }[]): Promise<Signed[]> {
  const sent: Signed[] = [];
  for (const { variant, tamper = false } of plan) {
    const doc = ctx.document({ designedToBeRejected: tamper || variant !== 'valid' });
    const pdf = await signedPdfAttachment(ctx, doc.from, 'van-ban-ky-so.pdf', { variant, tamper });
    await deliverDocument(ctx, doc, { to: [ctx.run.sutCode], attachments: [pdf] });
    sent.push({ doc, variant, tamper, label: VARIANT_TEXT[tamper ? 'tampered' : variant] });
  }
  return sent;
}

/** Waits for the SUT's verdict (02 or 03) on each document and checks it is `wanted`. */
async function judgeVerdicts(ctx: CaseContext, sent: Signed[], wanted: '02' | '03'): Promise<void> {
  for (const { doc, label } of sent) {
    const expected: LocalizedText =
      wanted === '02'
        ? { vi: `Văn bản ${doc.codeNumber} (${label.vi}) bị trả lại 02`, en: `Document ${doc.codeNumber} (${label.en}) is answered 02` }
        : { vi: `Văn bản ${doc.codeNumber} (${label.vi}) được tiếp nhận 03`, en: `Document ${doc.codeNumber} (${label.en}) is accepted with 03` };
    const verdict: SentStatus = await ctx.waitUntil(
      (entries) => statusesAbout(entries, ctx.run.sutCode, doc).find((s) => ['02', '03'].includes(statusCodeOf(s))),
      { expected },
    );
    ctx.evidence(verdict.entry);
    const code = statusCodeOf(verdict);
    if (code !== wanted) {
      ctx.fail(expected, {
        vi: `Hệ thống trả ${code} (#${verdict.entry.id}) cho văn bản ${label.vi}`,
        en: `The system answered ${code} (#${verdict.entry.id}) to the document ${label.en}`,
      });
    }
  }
}

const sg05 = defineCase<Signed[], undefined>({
  id: 'SG-05',
  counterparts: 1,
  schedule: 'concurrent',
  setup: (ctx) => deliverSigned(ctx, [{ variant: 'valid', tamper: true }]),
  assert: async (ctx, sent) => {
    await judgeVerdicts(ctx, sent, '02');
    ctx.pass({ vi: 'Văn bản bị sửa sau khi ký bị trả lại 02', en: 'The document changed after signing was answered 02' });
  },
});

const sg06 = defineCase<Signed[], undefined>({
  id: 'SG-06',
  counterparts: 1,
  schedule: 'concurrent',
  setup: (ctx) => deliverSigned(ctx, [{ variant: 'untrusted' }, { variant: 'expired' }, { variant: 'revoked' }]),
  assert: async (ctx, sent) => {
    await judgeVerdicts(ctx, sent, '02');
    ctx.pass({
      vi: 'Văn bản ký bằng chứng thư không tin cậy, hết hạn, bị thu hồi đều bị trả lại 02',
      en: 'Documents signed with untrusted, expired and revoked certificates were all answered 02',
    });
  },
});

const sg07 = defineCase<Signed[], undefined>({
  id: 'SG-07',
  counterparts: 1,
  schedule: 'concurrent',
  setup: (ctx) => deliverSigned(ctx, [{ variant: 'valid' }]),
  assert: async (ctx, sent) => {
    await judgeVerdicts(ctx, sent, '03');
    ctx.pass({ vi: 'Văn bản ký đúng được tiếp nhận 03', en: 'The correctly signed document was accepted with 03' });
  },
});

export const signatureCases: CaseDefinition[] = [sg01, sg02, sg03, sg04, sg05, sg06, sg07];
