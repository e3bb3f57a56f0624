// Every valid committed packet fixture, and the packets the msw handler tests send, read on the
// Java SDK's parse path (SdkReader.java): the fields a vendor reads must be the ones truc meant.
// Fixtures in layouts the SDK cannot read are listed with what the SDK does with them instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect } from 'vitest';
import { parsePacket } from '../edxml/parse.ts';
import { PACKET_FIXTURES_DIR } from '../scripts/fixtures/packets.ts';
import { SIGNATURES_DIR } from '../scripts/fixtures/signatures.ts';
import { edocBytes, sampleEdoc, statusBytes, TAY_NINH } from '../simulator/testing/fixtures.ts';
import { compileJavaOracles, type JavaOracle } from './java.ts';
import { fieldsMeant, fieldsRead, type SdkReading } from './sdk-fields.ts';
import { haveAll, itWith, JAVA, JAVAC, JDOM2, XMLLINT } from './tools.ts';

const TOOLS = [JAVA, JAVAC, JDOM2];
const itJava = itWith(TOOLS);
const VALID = join(PACKET_FIXTURES_DIR, 'valid');

/** Valid fixtures whose layout the SDK's path does not read as truc does, and what it does instead. */
const SDK_DIFFERS: Record<string, (r: SdkReading) => void> = {
  // truc's earlier writer: the bug this oracle exists for.
  'edoc-truc-legacy-layout.edxml': (r) => {
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^org\.jdom2\.IllegalAddException: .*The namespace prefix "" collides with the element namespace prefix/);
  },
  // Children in no namespace: a namespace-aware lookup finds none of them.
  'quirk-children-without-namespace.edxml': (r) => {
    expect(r.ok).toBe(true);
    expect([r.from, r.subject, r.attachments?.map((a) => a.size)]).toEqual([null, null, [0, 0]]);
  },
  // The SDK looks for AttachmentEncoded beside the envelope only.
  'quirk-misplaced-attachments.edxml': (r) => expect(r.attachments).toEqual([]),
  // truc normalises `1` to `01` (with a warning); the SDK hands the vendor the `1` as written.
  'quirk-short-status-code.edxml': (r) => expect(r.statusCode).toBe('1'),
  // A status's To is not part of truc's status model (routing ignores it); the SDK reads it.
  'warn-status-with-to.edxml': (r) => expect([r.statusCode, r.to]).toEqual(['03', ['000.00.00.G22']]),
};

describe('the Java SDK parse path (JAXP defaults + JDOM2 DOMBuilder) reads what truc meant', () => {
  let java: JavaOracle;
  beforeAll(() => {
    if (haveAll(TOOLS)) java = compileJavaOracles();
  }, 120_000);

  itWith(TOOLS)('every valid packet fixture', () => {
    const names = readdirSync(VALID).filter((f) => f.endsWith('.edxml')).sort();
    const readings = java.run<SdkReading>('SdkReader', names.map((n) => join(VALID, n)));
    expect(readings).toHaveLength(names.length);
    for (const [i, name] of names.entries()) {
      const differs = SDK_DIFFERS[name];
      if (differs) {
        differs(readings[i]);
        continue;
      }
      const packet = parsePacket(readFileSync(join(VALID, name))).packet;
      expect(packet, name).toBeDefined();
      expect(fieldsRead(readings[i]), name).toEqual(fieldsMeant(packet!));
    }
    expect(names.length - Object.keys(SDK_DIFFERS).length).toBeGreaterThan(30);
  }, 120_000);

  itJava('the packets the simulator and msw handler tests send (simulator/testing/fixtures.ts)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'truc-oracle-msw-'));
    const doc = sampleEdoc();
    const packets = [edocBytes(), ...['01', '02', '03', '06'].map((code) => statusBytes(doc, TAY_NINH.systemId, code))];
    const files = packets.map((bytes, i) => {
      const file = join(dir, `${i}.edxml`);
      writeFileSync(file, bytes);
      return file;
    });
    const readings = java.run<SdkReading>('SdkReader', files);
    for (const [i, bytes] of packets.entries()) expect(fieldsRead(readings[i])).toEqual(fieldsMeant(parsePacket(bytes).packet!));
  });
});

describe('committed packet signatures, checked by the JDK (javax.xml.crypto.dsig)', () => {
  itWith(TOOLS)('every XML signature the fixtures carry verifies, but the one tampered after signing', () => {
    const names = readdirSync(SIGNATURES_DIR).filter((f) => f.endsWith('.edxml')).sort();
    const verdicts = compileJavaOracles().run<{ signatures: number; valid: boolean[]; error?: string }>('XmlDsigVerify', names.map((n) => join(SIGNATURES_DIR, n)));
    const byName = Object.fromEntries(names.map((n, i) => [n, verdicts[i]]));
    expect(byName['packet-xmldsig-tampered.edxml'].valid).toEqual([false]);
    // Outside the XMLDSig namespace no standard verifier sees a signature at all.
    expect(byName['packet-xmldsig-wrong-namespace.edxml'].signatures).toBe(0);
    const others = names.filter((n) => !n.startsWith('packet-xmldsig-'));
    expect(others.length).toBeGreaterThan(5);
    for (const n of others) expect(byName[n], n).toEqual({ file: join(SIGNATURES_DIR, n), signatures: 1, valid: [true] });
  }, 120_000);
});

describe('namespace well-formedness (xmllint)', () => {
  itWith([XMLLINT])('every valid packet fixture and every signature fixture', () => {
    const files = [
      ...readdirSync(VALID).filter((f) => f.endsWith('.edxml')).map((n) => join(VALID, n)),
      ...readdirSync(SIGNATURES_DIR).filter((f) => f.endsWith('.edxml')).map((n) => join(SIGNATURES_DIR, n)),
    ];
    const lint = spawnSync('xmllint', ['--noout', '--nonet', '--huge', ...files], { encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });
});
