// The packets a case sends as its counterparts: realistic documents built with the edxml library
// (composeEdoc / buildPacket), so what the SUT receives is exactly what real agencies send, and
// the ResponseFor a correct SUT must write back for each of them.
import { zipSync } from 'fflate';
import { buildPacket } from '../../../edxml/build.ts';
import { composeEdoc, type AttachmentInput } from '../../../edxml/compose.ts';
import { vietnamTimestamp } from '../../../edxml/dates.ts';
import { samplePdf } from '../../../edxml/signatures/sample-pdf.ts';
import type { Business, ResponseFor } from '../../../edxml/types.ts';
import type { CaseDocument } from '../../case.ts';

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
      from: { organId: from, organName: `Cơ quan thử nghiệm ${from}` },
      to: options.to.map((organId) => ({ organId })),
      codeNumber: doc.codeNumber,
      codeNotation: doc.codeNotation,
      promulgationDate: doc.promulgationDate,
      documentId: options.fromCode ? `${options.fromCode},${doc.promulgationDate},${doc.codeNumber}/${doc.codeNotation}` : doc.documentId,
      subject: options.subject ?? `Văn bản thử nghiệm ${doc.codeNumber}/${doc.codeNotation}`,
      timestamp: vietnamTimestamp(new Date()),
      attachments: options.attachments,
      business: options.business,
    }),
  );
}

/** What a correct recipient writes in ResponseFor when answering `doc`. */
export function expectedResponseFor(doc: CaseDocument, fromCode: string = doc.from): ResponseFor {
  return {
    organId: fromCode,
    code: `${doc.codeNumber}/${doc.codeNotation}`,
    promulgationDate: doc.promulgationDate,
    documentId: fromCode === doc.from ? doc.documentId : `${fromCode},${doc.promulgationDate},${doc.codeNumber}/${doc.codeNotation}`,
  };
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
