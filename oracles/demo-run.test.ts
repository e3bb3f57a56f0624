// Every packet written during a full demo run (the reference agency's documents and statuses, the
// counterparts' documents, statuses and business packets), taken from the run's store, checked by
// programs that share no code with truc: the Java SDK's parse path, the JDK's XMLDSig verifier on
// every packet signature (and on tampered copies, which it must refuse), and xmllint.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { parsePacket } from '../edxml/parse.ts';
import { runReferenceSuite } from '../conformance/run-suite.ts';
import { resolveTiming } from '../conformance/timing.ts';
import { openPkiFolder } from '../simulator/pki-folder.ts';
import { createMemoryStore } from '../simulator/store/memory.ts';
import type { StoredPacket } from '../simulator/store/types.ts';
import { compileJavaOracles, type JavaOracle } from './java.ts';
import { fieldsMeant, fieldsRead, type SdkReading } from './sdk-fields.ts';
import { haveAll, itWith, JAVA, JAVAC, JDOM2, XMLLINT } from './tools.ts';

const JAVA_TOOLS = [JAVA, JAVAC, JDOM2];

interface Written {
  file: string;
  packet: StoredPacket;
}

describe('every packet of a full demo run, read by independent programs', () => {
  let scratch: string;
  let written: Written[] = [];
  let java: JavaOracle | undefined;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'truc-oracle-demo-'));
    const store = createMemoryStore();
    const pki = await openPkiFolder(join(scratch, 'pki'), { create: true });
    // The verdict is conformance/suite.test.ts's concern; here only the packets written matter.
    await runReferenceSuite({ profile: 'full', timing: resolveTiming('ci'), pki, store });
    written = (await store.findPackets({})).map((packet, i) => {
      const file = join(scratch, `${String(i).padStart(4, '0')}-${packet.kind}.edxml`);
      writeFileSync(file, packet.bytes);
      return { file, packet };
    });
    if (haveAll(JAVA_TOOLS)) java = compileJavaOracles();
  }, 300_000);
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  /**
   * The packets truc means to be readable: the cases also send deliberately unreadable ones (cut,
   * not XML) to see the system refuse them; those are the ones truc's reader cannot parse.
   */
  const readable = () => written.filter((w) => parsePacket(w.packet.bytes).packet !== undefined);

  itWith(JAVA_TOOLS)('the SDK parse path reads the fields truc meant in every readable packet, statuses and business packets included', () => {
    const packets = readable();
    const readings = java!.run<SdkReading>('SdkReader', packets.map((w) => w.file));
    for (const [i, w] of packets.entries()) {
      expect(fieldsRead(readings[i]), w.file).toEqual(fieldsMeant(parsePacket(w.packet.bytes).packet!));
    }
    const kinds = packets.map((w) => parsePacket(w.packet.bytes).packet!);
    expect(kinds.filter((p) => p.kind === 'status').length).toBeGreaterThan(10);
    expect(kinds.filter((p) => p.kind === 'edoc' && p.business && p.business.bussinessDocType !== '0').length).toBeGreaterThan(0);
    expect(packets.length).toBeGreaterThan(30);
  }, 120_000);

  itWith(JAVA_TOOLS)('the JDK XMLDSig verifier accepts every packet signature truc made, and refuses each one tampered', () => {
    const signed = written.filter((w) => Buffer.from(w.packet.bytes).includes('http://www.w3.org/2000/09/xmldsig#'));
    expect(signed.length).toBeGreaterThan(0);
    const verdicts = java!.run<{ file: string; signatures: number; valid: boolean[]; error?: string }>('XmlDsigVerify', signed.map((w) => w.file));
    // A case may send a signature made invalid on purpose; each such packet must be one truc's own verifier refuses too.
    for (const v of verdicts) {
      expect(v.error, v.file).toBeUndefined();
      expect(v.signatures, v.file).toBeGreaterThan(0);
    }
    const validByJdk = verdicts.filter((v) => v.valid.every(Boolean));
    expect(validByJdk.length).toBeGreaterThan(0);
    const tampered = validByJdk.map((v) => {
      const text = Buffer.from(written.find((w) => w.file === v.file)!.packet.bytes).toString('utf8');
      const changed = text.replace(/(<(?:[\w.-]+:)?Subject>)([^<])/, (_, tag: string, c: string) => `${tag}${c === 'X' ? 'Y' : 'X'}`);
      expect(changed).not.toBe(text);
      const file = `${v.file}.tampered`;
      writeFileSync(file, changed);
      return file;
    });
    for (const v of java!.run<{ valid: boolean[] }>('XmlDsigVerify', tampered)) expect(v.valid).toEqual([false]);
  }, 120_000);

  itWith([XMLLINT])('xmllint finds every readable packet namespace-well-formed', () => {
    const files = readable().map((w) => w.file);
    const lint = spawnSync('xmllint', ['--noout', '--nonet', '--huge', ...files], { encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });
});
