// Incremental PDF signatures (/SubFilter /adbe.pkcs7.detached: detached CMS, SHA-256 with RSA,
// signingTime), appended with @signpdf. That library extends classic xref tables only, so other
// PDFs are refused up front instead of being corrupted.
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { constants, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { SignatureError } from './errors.ts';
import { fromPkcs12 } from './pki.ts';

/** Who signs: PEM key + certificate (+ issuer chain), or a PKCS#12 file and its password. */
export type PdfSignerIdentity =
  | { privateKeyPem: string; certificatePem: string; chainPem?: string[] }
  | { p12: Uint8Array; password: string };

export interface PdfSignOptions {
  /** Written both as the CMS signingTime and as the signature dictionary's /M. Defaults to now. */
  signingTime?: Date;
  /** Display strings of the signature dictionary, written without diacritics (see asciiFold). */
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** Name shown by viewers; defaults to the certificate's CN. */
  name?: string;
}

/** Bytes reserved for the CMS in /Contents: room for a 2048-bit signature and a three-certificate chain. */
const SIGNATURE_LENGTH = 12_288;

/** DER prefix of DigestInfo { sha256, NULL } (RFC 8017 §9.2): the PKCS#1 v1.5 signature covers it and the digest. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * The RSA operation of a CMS signature through node:crypto (native, ~50x faster than forge's
 * JavaScript big integers). forge still writes the CMS structure and digests the attributes; it
 * asks its key to sign the digest, which is what this object does.
 */
const nativeRsaKey = (key: KeyObject) => ({
  sign(md: forge.md.MessageDigest): string {
    const digest = Buffer.from(md.digest().getBytes(), 'binary');
    const signature = privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, digest]));
    return signature.toString('binary');
  },
});

class KeyAndChainSigner extends Signer {
  constructor(
    private readonly key: KeyObject,
    private readonly certificate: forge.pki.Certificate,
    private readonly chain: forge.pki.Certificate[],
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    p7.addCertificate(this.certificate);
    for (const cert of this.chain) p7.addCertificate(cert);
    p7.addSigner({
      key: nativeRsaKey(this.key) as unknown as forge.pki.rsa.PrivateKey,
      certificate: this.certificate,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

function resolveIdentity(identity: PdfSignerIdentity): { privateKeyPem: string; certificatePem: string; chainPem: string[] } {
  if ('p12' in identity) {
    const opened = fromPkcs12(identity.p12, identity.password);
    if (!opened) {
      throw new SignatureError(
        'SIG-P12-UNREADABLE',
        'Không mở được tệp PKCS#12 (sai mật khẩu hoặc tệp hỏng).',
        'The PKCS#12 file cannot be opened (wrong password or damaged file).',
      );
    }
    return opened;
  }
  return { ...identity, chainPem: identity.chainPem ?? [] };
}

/** Byte offset named by the last `startxref`, or -1. */
function lastStartXref(pdf: Buffer): number {
  const at = pdf.lastIndexOf('startxref');
  if (at < 0) return -1;
  const match = /^startxref\s+(\d+)/.exec(pdf.subarray(at, at + 40).toString('latin1'));
  return match ? Number(match[1]) : -1;
}

/** Refuses what @signpdf cannot extend safely: non-PDFs and PDFs whose last xref section is a stream. */
export function assertSignablePdf(pdf: Uint8Array): void {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  if (!buf.subarray(0, 1024).includes('%PDF-')) {
    throw new SignatureError('SIG-PDF-NOT-PDF', 'Tệp đầu vào không phải PDF.', 'The input file is not a PDF.');
  }
  const xrefAt = lastStartXref(buf);
  if (xrefAt < 0 || xrefAt >= buf.length) {
    throw new SignatureError(
      'SIG-PDF-NO-XREF',
      'PDF không có bảng tham chiếu chéo (startxref) hợp lệ nên không thể ký thêm.',
      'The PDF has no valid cross-reference (startxref), so a signature cannot be appended.',
    );
  }
  if (!/^\s*xref\b/.test(buf.subarray(xrefAt, xrefAt + 16).toString('latin1'))) {
    throw new SignatureError(
      'SIG-PDF-XREF-STREAM',
      'PDF dùng luồng tham chiếu chéo (cross-reference stream); truc chỉ ký được PDF có bảng xref cổ điển. Hãy lưu lại PDF ở dạng tương thích PDF 1.4 rồi ký.',
      'The PDF uses a cross-reference stream; truc can only sign PDFs with a classic xref table. Re-save it as PDF 1.4 compatible, then sign.',
    );
  }
}

// @signpdf writes non-ASCII text strings as UTF-16 and then re-encodes those bytes as UTF-8,
// which garbles them; the signature dictionary's display strings are therefore folded to ASCII
// (Vietnamese without diacritics). Names that matter are in the certificate, which is intact.
const asciiFold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '?');

const commonName = (cert: forge.pki.Certificate): string => {
  const value = cert.subject.getField('CN')?.value;
  return typeof value === 'string' ? forge.util.decodeUtf8(value) : 'truc';
};

/** Appends one incremental signature to `pdf` and returns the new file. */
export async function signPdf(pdf: Uint8Array, identity: PdfSignerIdentity, options: PdfSignOptions = {}): Promise<Uint8Array> {
  assertSignablePdf(pdf);
  const { privateKeyPem, certificatePem, chainPem } = resolveIdentity(identity);
  const certificate = forge.pki.certificateFromPem(certificatePem);
  const signer = new KeyAndChainSigner(
    createPrivateKey(privateKeyPem),
    certificate,
    chainPem.map((pem) => forge.pki.certificateFromPem(pem)),
  );
  const signingTime = options.signingTime ?? new Date();
  try {
    const withPlaceholder = plainAddPlaceholder({
      pdfBuffer: Buffer.from(pdf),
      reason: asciiFold(options.reason ?? 'Ky so van ban dien tu'),
      contactInfo: asciiFold(options.contactInfo ?? ''),
      name: asciiFold(options.name ?? commonName(certificate)),
      location: asciiFold(options.location ?? 'VN'),
      signingTime,
      signatureLength: SIGNATURE_LENGTH,
      subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    });
    const signed = await new SignPdf().sign(withPlaceholder, signer, signingTime);
    return Uint8Array.from(signed);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new SignatureError(
      'SIG-PDF-UNSUPPORTED',
      `Không thể thêm chữ ký vào PDF này (${detail}).`,
      `A signature cannot be appended to this PDF (${detail}).`,
    );
  }
}
