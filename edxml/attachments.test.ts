import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeBase64, inspectAttachments, pdfStructureProblem } from './attachments.ts';
import { composeEdoc, type AttachmentInput } from './compose.ts';
import { samplePdf } from './signatures/sample-pdf.ts';

const rulesFor = (attachments: AttachmentInput[]) =>
  inspectAttachments(
    composeEdoc({ from: '000.00.00.G22', to: ['G12'], codeNumber: '1', codeNotation: 'X', promulgationDate: '2025/09/30', subject: 's', attachments }),
  ).findings.map((f) => f.rule);

const legacyDoc = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]);

describe('decodeBase64', () => {
  it('decodes standard base64 and rejects everything else', () => {
    expect(Buffer.from(decodeBase64('QUJD').bytes!).toString()).toBe('ABC');
    expect(Buffer.from(decodeBase64('QQ==').bytes!).toString()).toBe('A');
    expect(decodeBase64('').bytes?.length).toBe(0);
    for (const bad of ['QUJ', 'QU*D', 'Q-_D', 'QQ==QQ==', '====']) expect(decodeBase64(bad).bytes, bad).toBeUndefined();
  });

  it('tells wrapped base64 apart and still decodes it', () => {
    const r = decodeBase64('QUJD\nREVG');
    expect(r.multiline).toBe(true);
    expect(Buffer.from(r.bytes!).toString()).toBe('ABCDEF');
  });
});

describe('pdfStructureProblem', () => {
  it('accepts a PDF and names what is missing from a broken one', () => {
    const pdf = samplePdf();
    expect(pdfStructureProblem(pdf)).toBeUndefined();
    expect(pdfStructureProblem(pdf.slice(0, pdf.length - 7))?.en).toBe('no %%EOF trailer');
    expect(pdfStructureProblem(pdf.slice(1))?.vi).toBe('không có phần đầu %PDF-');
  });
});

describe('inspectAttachments', () => {
  it('accepts matching types, ZIP-wrapped files under application/zip, and DOCX', () => {
    const docx = zipSync({ '[Content_Types].xml': new Uint8Array([60]), 'word/document.xml': new Uint8Array([60]) });
    expect(
      rulesFor([
        { name: 'a.pdf', contentType: 'application/pdf', bytes: samplePdf() },
        { name: 'b.doc', contentType: 'application/zip', bytes: zipSync({ 'x.doc': legacyDoc }) },
        { name: 'c.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: docx },
        { name: 'd.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('hello') },
      ]),
    ).toEqual([]);
  });

  it('warns on declared-vs-actual mismatches and pseudo types, errors on corrupt files', () => {
    expect(rulesFor([{ name: 'a.pdf', contentType: 'application/pdf', bytes: legacyDoc }])).toEqual(['EDXML-ATT-007']);
    expect(rulesFor([{ name: 'a.doc', contentType: 'application/msword', bytes: zipSync({ 'x.doc': legacyDoc }) }])).toEqual(['EDXML-ATT-007']);
    expect(rulesFor([{ name: 'a.doc', contentType: 'application/doc', bytes: legacyDoc }])).toEqual(['EDXML-ATT-010']);
    expect(rulesFor([{ name: 'a.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('not a pdf') }])).toEqual(['EDXML-ATT-006']);
    expect(rulesFor([{ name: 'a.zip', contentType: 'application/zip', bytes: zipSync({ 'x.doc': legacyDoc }).slice(0, 40) }])).toEqual(['EDXML-ATT-009']);
  });

  it('hands over the PDF inside a ZIP for signature checks, named after AttachmentName', () => {
    const packet = composeEdoc({
      from: '000.00.00.G22', to: ['G12'], codeNumber: '1', codeNotation: 'X', promulgationDate: '2025/09/30', subject: 's',
      attachments: [{ name: 'Văn bản.pdf', contentType: 'application/zip', bytes: zipSync({ 'other-name.pdf': samplePdf() }) }],
    });
    const { findings, pdfs } = inspectAttachments(packet);
    expect(findings).toEqual([]);
    expect(pdfs.map((p) => [p.name, p.path])).toEqual([['Văn bản.pdf', '/edXML/AttachmentEncoded/Attachment']]);
  });
});
