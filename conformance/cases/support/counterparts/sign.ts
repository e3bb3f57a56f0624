// Signed PDFs a counterpart attaches (SG-05, SG-06, SG-07): signed with the run's PKI, so a correct
// SUT trusts them, or deliberately defective (changed after signing, untrusted root, expired or
// revoked certificate). The certificate names the counterpart agency, as an organisation's does.
import type { AttachmentInput } from '../../../../edxml/compose.ts';
import { signPdf, type CertificateVariant, type IssuedCertificate, type IssueOptions } from '../../../../edxml/signatures/index.ts';
import { samplePdf } from '../../../../edxml/signatures/sample-pdf.ts';
import { CaseHarnessError, type JudgeContext, type RunPki } from '../../../case.ts';
import { counterpartName } from './build.ts';

const PAGE_TEXT = 'VAN BAN KY SO THU NGHIEM - SIGNED TEST DOCUMENT';

export interface SignedPdfOptions {
  /** Defect of the signing certificate; `valid` by default. */
  variant?: CertificateVariant;
  /** Change one byte of the page text after signing, inside the signed range (SG-05). */
  tamper?: boolean;
}

/** Changes one letter of the page text: same length, so the ByteRange still holds but the digest does not. */
function tamperPageText(pdf: Uint8Array): Uint8Array {
  const bytes = Buffer.from(pdf);
  const at = bytes.indexOf(Buffer.from(PAGE_TEXT, 'latin1'));
  if (at < 0) throw new CaseHarnessError('CONF-CASE-TAMPER', 'Không tìm thấy nội dung trang để sửa', 'The page text to change was not found');
  bytes[at] = bytes[at] === 0x58 ? 0x59 : 0x58;
  return new Uint8Array(bytes);
}

// Concurrent cases issue certificates at the same time, and a PKI folder rewrites its state file on
// every issue: one issue at a time per PKI keeps its serial numbers and CRL consistent.
const turns = new WeakMap<RunPki, Promise<unknown>>();

function obtainInTurn(pki: RunPki, options: IssueOptions): Promise<IssuedCertificate> {
  const previous = turns.get(pki) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => pki.obtain(options));
  turns.set(pki, next);
  return next;
}

/** A one-page PDF signed by `issuer`'s organisation certificate from the run's PKI. */
export async function signedPdfAttachment(ctx: JudgeContext, issuer: string, name: string, options: SignedPdfOptions = {}): Promise<AttachmentInput> {
  const pki = ctx.run.pki;
  if (!pki) {
    throw new CaseHarnessError(
      'CONF-CASE-NO-PKI',
      `Lượt chạy không có PKI thử nghiệm nên ca ${ctx.entry.id} không ký được văn bản`,
      `The run has no test PKI, so case ${ctx.entry.id} cannot sign its documents`,
    );
  }
  const certificate = await obtainInTurn(pki, { agencyCode: issuer, agencyName: counterpartName(issuer), variant: options.variant ?? 'valid' });
  const signed = await signPdf(samplePdf({ text: PAGE_TEXT }), {
    privateKeyPem: certificate.privateKeyPem,
    certificatePem: certificate.certificatePem,
    chainPem: certificate.chainPem,
  });
  return { name, contentType: 'application/pdf', bytes: options.tamper ? tamperPageText(signed) : signed };
}
