// Characters outside XML's Char production, raw or as character references, make a packet an `xml`
// error. xmllint (libxml2, sharing no code with truc) is the oracle: it must refuse the same bytes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPacket } from './build.ts';
import { composeEdoc } from './compose.ts';
import { escapeIllegalXmlChars, firstIllegalXmlChar } from './xml-chars.ts';
import { validatePacket } from './validate.ts';
import { itWith, XMLLINT } from '../oracles/tools.ts';

const base = new TextDecoder().decode(
  buildPacket(composeEdoc({ from: '000.00.00.G22', to: ['000.00.00.G12'], codeNumber: '12', codeNotation: 'QĐ-UBND', promulgationDate: '2025/09/30', subject: 'SUBJECT' })),
);
const withSubject = (subject: string): Uint8Array => new TextEncoder().encode(base.replace('SUBJECT', subject));
const encodeRaw = (subject: string): Uint8Array => {
  // TextEncoder would replace a lone surrogate: write UTF-8 bytes by hand around the raw bytes.
  const [before, after] = base.split('SUBJECT');
  return Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from(subject, 'latin1'), Buffer.from(after, 'utf8')]);
};

const ILLEGAL: [string, Uint8Array][] = [
  ['&#0;', withSubject('a&#0;b')],
  ['&#x0;', withSubject('a&#x0;b')],
  ['&#xD800;', withSubject('a&#xD800;b')],
  ['&#xDFFF;', withSubject('a&#xDFFF;b')],
  ['&#x110000;', withSubject('a&#x110000;b')],
  ['&#xFFFE;', withSubject('a&#xFFFE;b')],
  ['&#1;', withSubject('a&#1;b')],
  ['raw U+0000', encodeRaw('a\x00b')],
  ['raw U+0001', encodeRaw('a\x01b')],
  ['raw U+001F', encodeRaw('a\x1Fb')],
  ['raw U+FFFE', encodeRaw('a\xEF\xBF\xBEb')],
  ['raw U+FFFF', encodeRaw('a\xEF\xBF\xBFb')],
];
const LEGAL: [string, Uint8Array][] = [
  ['&#x1F600;', withSubject('a&#x1F600;b')],
  ['&#233;', withSubject('a&#233;b')],
  ['&#x9;', withSubject('a&#x9;b')],
  ['raw U+0085 (C1 control, an XML 1.0 Char)', withSubject('a\u0085b')],
  ['raw U+10FFFF', withSubject('a\u{10FFFF}b')],
];

const dir = mkdtempSync(join(tmpdir(), 'truc-xmlchars-'));
function xmllintAccepts(bytes: Uint8Array): boolean {
  const file = join(dir, 'p.xml');
  writeFileSync(file, bytes);
  try {
    execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

describe('XML-illegal characters', () => {
  it.each(ILLEGAL)('%s is an xml error (EDXML-XML-001) and no packet is read', async (_name, bytes) => {
    const report = await validatePacket(bytes);
    expect(report.valid).toBe(false);
    expect(report.packet).toBeUndefined();
    expect(report.findings.map((f) => [f.rule, f.category])).toEqual([['EDXML-XML-001', 'xml']]);
  });

  it.each(LEGAL)('%s is legal', async (_name, bytes) => {
    const report = await validatePacket(bytes);
    expect(report.findings.filter((f) => f.category === 'xml')).toEqual([]);
    expect(report.packet).toBeDefined();
  });

  itWith([XMLLINT])('xmllint agrees on every case', () => {
    for (const [name, bytes] of ILLEGAL) expect([name, xmllintAccepts(bytes)]).toEqual([name, false]);
    for (const [name, bytes] of LEGAL) expect([name, xmllintAccepts(bytes)]).toEqual([name, true]);
  });

  it('escapes illegal characters for storage, leaving legal ones (a surrogate pair) alone', () => {
    expect(escapeIllegalXmlChars('a\u0000b\uD800c\u{1F600}\uFFFE')).toBe('a\\u{0000}b\\u{D800}c\u{1F600}\\u{FFFE}');
    expect(firstIllegalXmlChar('ok \u{1F600}')).toBe(-1);
    expect(firstIllegalXmlChar('x\uDC00')).toBe(1);
  });
});
