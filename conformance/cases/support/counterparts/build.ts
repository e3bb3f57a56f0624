// The packets a case sends as its counterparts: realistic documents built with the edxml library
// (composeEdoc / buildPacket), so what the SUT receives is exactly what real agencies send, and
// their attachments (PDF, DOCX, ZIP; signed PDFs: sign.ts).
import { zipSync } from 'fflate';
import { buildPacket } from '../../../../edxml/build.ts';
import { composeEdoc, type AttachmentInput } from '../../../../edxml/compose.ts';
import { documentIdOf } from '../../../../edxml/document-id.ts';
import { vietnamTimestamp } from '../../../../edxml/dates.ts';
import { samplePdf } from '../../../../edxml/signatures/sample-pdf.ts';
import type { Business } from '../../../../edxml/types.ts';
import { CaseHarnessError, type CaseDocument } from '../../../case.ts';

/** The organisation name counterparts write in From/OrganName and in their certificates. */
export const counterpartName = (code: string): string => `Cơ quan thử nghiệm ${code}`;

export interface DocumentPacketOptions {
  /** Recipients (To/OrganId), in order. */
  to: readonly string[];
  subject?: string;
  attachments?: AttachmentInput[];
  /** Written as From/OrganId instead of the issuer's code (I-04: the QĐ 20 form of the same agency). */
  fromCode?: string;
  business?: Partial<Business> & { bussinessDocType: string };
}

/** The edXML bytes of `doc`, issued by its counterpart and addressed to `to`. */
export function documentPacket(doc: CaseDocument, options: DocumentPacketOptions): Uint8Array {
  const from = options.fromCode ?? doc.from;
  return buildPacket(
    composeEdoc({
      from: { organId: from, organName: counterpartName(from) },
      to: options.to.map((organId) => ({ organId })),
      codeNumber: doc.codeNumber,
      codeNotation: doc.codeNotation,
      promulgationDate: doc.promulgationDate,
      documentId: options.fromCode ? documentIdOf(options.fromCode, doc.promulgationDate, doc.codeNumber, doc.codeNotation) : doc.documentId,
      subject: options.subject ?? `Văn bản thử nghiệm ${doc.codeNumber}/${doc.codeNotation}`,
      timestamp: vietnamTimestamp(new Date()),
      attachments: options.attachments,
      business: options.business,
    }),
  );
}

/** A one-page PDF attachment (unsigned; a case that needs a signature signs it first). */
export const pdfAttachment = (name: string, text?: string, minBytes?: number): AttachmentInput => ({
  name,
  contentType: 'application/pdf',
  bytes: samplePdf({ text, minBytes }),
});

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A minimal Word (OOXML) file: the ZIP parts a reader needs to recognise it. */
export function docxAttachment(name: string, text: string): AttachmentInput {
  const enc = new TextEncoder();
  const bytes = zipSync({
    '[Content_Types].xml': enc.encode(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    'word/document.xml': enc.encode(
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
  return { name, contentType: DOCX_TYPE, bytes };
}

/** A file wrapped in a one-entry ZIP, declared `application/zip` as real senders do. */
export function zippedAttachment(name: string, innerName: string, inner: Uint8Array): AttachmentInput {
  return { name, contentType: 'application/zip', bytes: zipSync({ [innerName]: inner }) };
}

/**
 * The packet with the payload of its first attachment made undecodable (characters outside the
 * base64 alphabet), the rest intact: R-08 (a) "an attachment that does not decode".
 */
export function withUndecodableAttachment(packet: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(packet);
  const payload = /(<(?:[\w.-]+:)?ContentTransferEncoded\b[^>]*>)([^<]+)/.exec(text);
  if (!payload) throw new CaseHarnessError('CONF-CASE-NO-PAYLOAD', 'Gói tin không có tệp đính kèm để làm hỏng', 'The packet has no attachment payload to damage');
  const broken = `${payload[1]}@@ khong phai base64 / not base64 @@${payload[2].slice(40)}`;
  return new TextEncoder().encode(text.slice(0, payload.index) + broken + text.slice(payload.index + payload[0].length));
}
