// Locates the signatures of a PDF by their /ByteRange, the way signature verifiers do: the
// /Contents hex string is exactly the gap between the two signed ranges, so no PDF object parser
// is needed and every incremental signature is found, whoever made it.

export interface PdfSignatureSpan {
  /** Offset of the `/ByteRange` key, for ordering and diagnostics. */
  at: number;
  byteRange: [number, number, number, number];
  /** DER CMS from /Contents (may carry trailing zero padding); undefined when the ranges are malformed. */
  contents?: Uint8Array;
  subFilter?: string;
  /** Why this span cannot be verified (ranges outside the file, gap not a hex string). */
  malformed?: string;
}

const BYTE_RANGE = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/;
const SUB_FILTER = /\/SubFilter\s*\/([^\s/<>[\]()]+)/;

function subFilterAround(pdf: Buffer, at: number): string | undefined {
  // The signature dictionary is a direct object around its /ByteRange: search between its
  // `obj` header and `endobj`, but never into a neighbouring object.
  const start = Math.max(pdf.lastIndexOf(' obj', at), 0);
  let end = pdf.indexOf('endobj', at);
  if (end < 0) end = pdf.length;
  const match = SUB_FILTER.exec(pdf.subarray(start, end).toString('latin1'));
  return match?.[1];
}

function decodeHexGap(pdf: Buffer, from: number, to: number): Uint8Array | undefined {
  if (pdf[from] !== 0x3c || pdf[to - 1] !== 0x3e) return undefined;
  const text = pdf.subarray(from + 1, to - 1).toString('latin1');
  // Node's hex decoder stops at the first non-hex character: a full-length result proves the
  // string was pure hex, the usual case; only otherwise strip whitespace and check again.
  const direct = Buffer.from(text, 'hex');
  if (direct.length * 2 === text.length) return direct;
  const hex = text.replace(/\s+/g, '');
  if (!/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  return Uint8Array.from(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
}

export function findPdfSignatures(pdfBytes: Uint8Array): PdfSignatureSpan[] {
  const pdf = Buffer.from(pdfBytes.buffer, pdfBytes.byteOffset, pdfBytes.byteLength);
  const spans: PdfSignatureSpan[] = [];
  const seen = new Set<string>();
  for (let at = pdf.indexOf('/ByteRange'); at >= 0; at = pdf.indexOf('/ByteRange', at + 10)) {
    const match = BYTE_RANGE.exec(pdf.subarray(at, at + 120).toString('latin1'));
    if (!match) continue;
    const byteRange = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])] as [number, number, number, number];
    const key = byteRange.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const [a, b, c, d] = byteRange;
    const subFilter = subFilterAround(pdf, at);
    const span: PdfSignatureSpan = { at, byteRange, ...(subFilter ? { subFilter } : {}) };
    if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length) {
      spans.push({ ...span, malformed: `ByteRange [${key}] does not fit a file of ${pdf.length} bytes` });
      continue;
    }
    const contents = decodeHexGap(pdf, b, c);
    spans.push(contents ? { ...span, contents } : { ...span, malformed: `the gap of ByteRange [${key}] is not a hex string` });
  }
  return spans;
}

/** The bytes a span signs: [a, a+b) and [c, c+d). */
export function signedParts(pdf: Uint8Array, span: PdfSignatureSpan): Uint8Array[] {
  const [a, b, c, d] = span.byteRange;
  return [pdf.subarray(a, a + b), pdf.subarray(c, c + d)];
}

/** True when bytes other than whitespace follow the end of the furthest-reaching signature. */
export function hasUnsignedTail(pdf: Uint8Array, spans: readonly PdfSignatureSpan[]): boolean {
  const covered = spans.filter((s) => !s.malformed).reduce((max, s) => Math.max(max, s.byteRange[2] + s.byteRange[3]), 0);
  if (covered === 0) return false;
  const tail = Buffer.from(pdf.buffer, pdf.byteOffset + covered, pdf.byteLength - covered);
  return /\S/.test(tail.toString('latin1'));
}
