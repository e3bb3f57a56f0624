// Property tests: whatever bytes come in, the public functions answer with findings, never throw.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PACKET_FIXTURES_DIR } from '../scripts/fixtures/packets.ts';
import { buildPacket } from './build.ts';
import { parsePacket } from './parse.ts';
import { validatePacket } from './validate.ts';

const NOW = new Date('2026-01-05T01:00:00Z');

async function fixtures(): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const sub of ['valid', 'invalid']) {
    for (const f of (await readdir(join(PACKET_FIXTURES_DIR, sub))).filter((n) => n.endsWith('.edxml') && !n.startsWith('sig-'))) {
      out.push(await readFile(join(PACKET_FIXTURES_DIR, sub, f)));
    }
  }
  return out;
}

/** A fixture with some bytes overwritten, some cut out and some duplicated. */
const mutation = (sources: Uint8Array[]) =>
  fc
    .record({
      source: fc.integer({ min: 0, max: sources.length - 1 }),
      edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constantFrom('set', 'cut', 'copy'), byte: fc.integer({ min: 0, max: 255 }), len: fc.integer({ min: 1, max: 40 }) }), { minLength: 1, maxLength: 6 }),
    })
    .map(({ source, edits }) => {
      let b = Buffer.from(sources[source]);
      for (const e of edits) {
        const at = Math.floor(e.at * b.length);
        if (e.kind === 'set') b[at] = e.byte;
        else if (e.kind === 'cut') b = Buffer.concat([b.subarray(0, at), b.subarray(at + e.len)]);
        else b = Buffer.concat([b.subarray(0, at), b.subarray(at, at + e.len), b.subarray(at)]);
      }
      return new Uint8Array(b);
    });

describe('robustness', () => {
  it('random bytes never throw out of parsePacket or validatePacket', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect(Array.isArray(parsePacket(bytes).findings)).toBe(true);
        const report = await validatePacket(bytes, { now: NOW });
        expect(report.valid).toBe(report.findings.every((f) => f.level !== 'error'));
      }),
      { numRuns: 300 },
    );
  });

  it('random XML-ish text never throws', async () => {
    const piece = fc.constantFrom('<', '>', '</', '/>', '<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">', '</edXML>', '<![CDATA[', ']]>', '<!--', '-->', '&', '&amp;', '&#x', ';', '"', "'", '=', 'a', ' ', '<?xml', '?>', 'ContentTransferEncoded', 'StatusCode', 'xmlns:p="x"', 'p:');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), async (parts) => {
        const report = await validatePacket(parts.join(''), { now: NOW });
        expect(report.findings.length + (report.valid ? 1 : 0)).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('mutated fixtures never throw, and whatever parses builds and re-parses', async () => {
    const sources = await fixtures();
    await fc.assert(
      fc.asyncProperty(mutation(sources), async (bytes) => {
        const report = await validatePacket(bytes, { now: NOW });
        expect(Array.isArray(report.findings)).toBe(true);
        const parsed = parsePacket(bytes);
        if (parsed.packet) expect(parsePacket(buildPacket(parsed.packet)).packet).toEqual(parsed.packet);
      }),
      { numRuns: 200 },
    );
  });
});
