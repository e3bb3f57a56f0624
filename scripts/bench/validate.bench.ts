// Validate throughput against a raw fast-xml-parser parse of the same bytes, side by side, for a
// ~30 KB packet, a ~450 KB packet with attachments and a 20 MB packet (no packet or PDF
// signatures: signature verification has its own benchmark). Goals (issue 2): large packets at
// ≥ 1.0× the raw parse, small ones at ≥ 0.5×.
import { XMLParser } from 'fast-xml-parser';
import { zipSync } from 'fflate';
import { buildPacket } from '../../edxml/build.ts';
import { composeEdoc, type AttachmentInput } from '../../edxml/compose.ts';
import { samplePdf } from '../../edxml/signatures/sample-pdf.ts';
import { validatePacket } from '../../edxml/validate.ts';

const NOW = new Date('2026-01-05T01:00:00Z');

/** Incompressible filler so that ZIP and base64 sizes are what the names say. */
function noise(bytes: number, seed: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function packet(attachments: AttachmentInput[]): Uint8Array {
  return buildPacket(
    composeEdoc({
      from: { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' },
      to: ['000.00.00.G12', '000.00.00.H29', '000.00.00.H41'].map((organId) => ({ organId, organName: 'Cơ quan nhận' })),
      codeNumber: '7816',
      codeNotation: 'VPCP-TTĐT',
      promulgationDate: '2025/09/30',
      subject: 'Về việc triển khai kết nối, liên thông văn bản điện tử qua Trục liên thông văn bản quốc gia',
      signer: { position: 'PHÓ CHỦ NHIỆM', fullName: 'Nguyễn Văn Thử' },
      attachments,
    }),
  );
}

const pdf = (name: string, minBytes: number): AttachmentInput => ({ name, contentType: 'application/pdf', bytes: samplePdf({ minBytes }) });
const zip = (name: string, bytes: number, seed: number): AttachmentInput => ({
  name,
  contentType: 'application/zip',
  bytes: zipSync({ 'phuluc.doc': noise(bytes, seed) }, { level: 0, mtime: new Date('2025-09-30T00:00:00Z') }),
});

const cases: [string, Uint8Array][] = [
  ['~30 KB', packet([pdf('a.pdf', 20_000)])],
  ['~450 KB', packet([pdf('a.pdf', 200_000), zip('b.zip', 110_000, 7)])],
  ['20 MB', packet([pdf('big.pdf', 15_000_000)])],
];

const raw = new XMLParser();

/** Mean milliseconds per call, over at least `minMs` of work and 5 calls, after one warm-up call. */
async function time(fn: () => unknown, minMs = 1500): Promise<number> {
  await fn();
  let n = 0;
  const start = performance.now();
  while (n < 5 || performance.now() - start < minMs) {
    await fn();
    n++;
  }
  return (performance.now() - start) / n;
}

export async function run(): Promise<void> {
  const rows: string[] = [];
  for (const [label, bytes] of cases) {
    const report = await validatePacket(bytes, { now: NOW });
    if (report.findings.some((f) => f.level === 'error')) throw new Error(`bench packet ${label} is not valid`);
    const rawMs = await time(() => raw.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    const validateMs = await time(() => validatePacket(bytes, { now: NOW }));
    const mb = bytes.byteLength / 1e6;
    rows.push(
      `${label.padEnd(8)} ${String(bytes.byteLength).padStart(10)} B  raw parse ${rawMs.toFixed(2).padStart(9)} ms (${(mb / (rawMs / 1000)).toFixed(1).padStart(7)} MB/s)  validate ${validateMs.toFixed(2).padStart(9)} ms (${(mb / (validateMs / 1000)).toFixed(1).padStart(7)} MB/s)  validate/raw throughput ${(rawMs / validateMs).toFixed(2)}×`,
    );
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}
