// Small, valid one-page PDFs written from scratch for fixtures, tests and benchmarks, so that no
// third-party file is copied. Two shapes: a classic cross-reference table (what PDF signing can
// extend incrementally) and a PDF 1.5 cross-reference stream (what `truc sign` must refuse).

export interface SamplePdfOptions {
  /** One line of ASCII text printed on the page (the standard Helvetica font has no Vietnamese glyphs). */
  text?: string;
  /** Pad the file with an unused stream so it reaches at least this many bytes (benchmarks). */
  minBytes?: number;
}

const escapePdfText = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');

function objectBodies(options: SamplePdfOptions): string[] {
  const content = `BT /F1 14 Tf 72 770 Td (${escapePdfText(options.text ?? 'CONG VAN THU NGHIEM - TEST DOCUMENT (truc)')}) Tj ET`;
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  if (options.minBytes && options.minBytes > 0) {
    // Printable filler, broken into lines, referenced by nothing: readers skip it, digests do not.
    const line = `${'0123456789ABCDEF'.repeat(7)}\n`;
    const filler = line.repeat(Math.ceil(options.minBytes / line.length));
    bodies.push(`<< /Length ${filler.length} >>\nstream\n${filler}endstream`);
  }
  return bodies;
}

/** A PDF 1.4 file with a classic xref table. */
export function samplePdf(options: SamplePdfOptions = {}): Uint8Array {
  const bodies = objectBodies(options);
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Uint8Array.from(Buffer.from(out, 'latin1'));
}

/** A PDF 1.5 file whose cross-reference section is an uncompressed XRef stream. */
export function samplePdfWithXrefStream(options: SamplePdfOptions = {}): Uint8Array {
  const bodies = objectBodies(options);
  const head = Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const parts: Buffer[] = [head];
  let length = head.length;
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    parts.push(chunk);
    length += chunk.length;
  });
  const xrefObject = bodies.length + 1;
  offsets.push(length);
  // Rows of /W [1 4 2]: type, offset, generation; row 0 is the free-list head.
  const rows = Buffer.alloc((xrefObject + 1) * 7);
  rows.writeUInt8(0, 0);
  rows.writeUInt16BE(0xffff, 5);
  offsets.forEach((offset, i) => {
    rows.writeUInt8(1, (i + 1) * 7);
    rows.writeUInt32BE(offset, (i + 1) * 7 + 1);
  });
  parts.push(
    Buffer.from(`${xrefObject} 0 obj\n<< /Type /XRef /Size ${xrefObject + 1} /W [1 4 2] /Root 1 0 R /Length ${rows.length} >>\nstream\n`, 'latin1'),
    rows,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${length}\n%%EOF\n`, 'latin1'),
  );
  return Uint8Array.from(Buffer.concat(parts));
}
