// Files the reference agency attaches when told to send a document: a real system takes them from
// its users; the reference agency makes small genuine ones from the name the trigger gives, so
// that a PDF is a PDF, a DOCX is an OOXML package and a ZIP is a ZIP (S-04 compares declared and
// actual types).
import { strToU8, zipSync } from 'fflate';
import { samplePdf } from '../../edxml/signatures/index.ts';

export interface AttachmentFile {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const extensionOf = (name: string): string => (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();

function docx(text: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        `<w:body><w:p><w:r><w:t>${text.replace(/[<&]/g, ' ')}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
}

/** A small genuine file of the kind the name says; unknown extensions become UTF-8 text. */
export function attachmentFile(name: string, text: string): AttachmentFile {
  switch (extensionOf(name)) {
    case 'pdf':
      return { name, contentType: 'application/pdf', bytes: samplePdf({ text }) };
    case 'docx':
      return { name, contentType: DOCX_TYPE, bytes: docx(text) };
    case 'zip':
      return { name, contentType: 'application/zip', bytes: zipSync({ 'noi-dung.txt': strToU8(text) }) };
    default:
      return { name, contentType: 'text/plain', bytes: strToU8(text) };
  }
}
