import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PACKET_FIXTURES_DIR } from '../scripts/fixtures/packets.ts';
import { buildPacket } from './build.ts';
import { composeEdoc, composeStatus } from './compose.ts';
import { parsePacket } from './parse.ts';

/** XML 1.0 text: no control characters but tab and newline, no lone surrogates, no CR (line-end normalisation). */
const xmlText = fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/g, ''));

describe('buildPacket', () => {
  it('writes the same bytes for the same packet', () => {
    const make = () => composeEdoc({ from: '000.00.00.G22', to: ['G12'], codeNumber: '1', codeNotation: 'X', promulgationDate: '2025/09/30', subject: 'Về việc', attachments: [{ name: 'a', contentType: 'text/plain', bytes: new Uint8Array([1, 2, 3]) }] });
    expect(Buffer.compare(Buffer.from(buildPacket(make())), Buffer.from(buildPacket(make())))).toBe(0);
    expect(new TextDecoder().decode(buildPacket(make()))).toContain('<edXML:ContentTransferEncoded xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">AQID</edXML:ContentTransferEncoded>');
  });

  it('round-trips every fixture that parses: parse(build(parse(f))) equals parse(f)', async () => {
    let checked = 0;
    for (const sub of ['valid', 'invalid']) {
      for (const name of (await readdir(join(PACKET_FIXTURES_DIR, sub))).filter((f) => f.endsWith('.edxml'))) {
        const first = parsePacket(await readFile(join(PACKET_FIXTURES_DIR, sub, name)));
        if (!first.packet) continue;
        const second = parsePacket(buildPacket(first.packet));
        expect(second.packet, `${sub}/${name}`).toEqual(first.packet);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('round-trips arbitrary text values, escaping included', () => {
    fc.assert(
      fc.property(xmlText, xmlText, fc.array(xmlText, { maxLength: 3 }), fc.uint8Array({ maxLength: 64 }), (subject, name, places, bytes) => {
        const packet = composeEdoc({
          from: { organId: '000.00.00.G22', organName: name }, to: ['G12', { organId: name }], codeNumber: '1', codeNotation: name,
          promulgationDate: '2025/09/30', subject, toPlaces: places, attachments: [{ name, contentType: 'application/octet-stream', bytes }],
        });
        const parsed = parsePacket(buildPacket(packet));
        expect(parsed.packet).toEqual(packet);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips status packets', () => {
    fc.assert(
      fc.property(xmlText, fc.constantFrom('01', '02', '03', '13', '15'), (description, statusCode) => {
        const packet = composeStatus({ from: 'G12', responseFor: { organId: '000.00.00.G22', documentId: description }, statusCode, description, timestamp: '2025/09/30 09:00:00' });
        expect(parsePacket(buildPacket(packet)).packet).toEqual(packet);
      }),
      { numRuns: 100 },
    );
  });
});
