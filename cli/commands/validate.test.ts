import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truc } from '../testing/run-cli.ts';
import { PACKET_FIXTURES_DIR } from '../../scripts/fixtures/packets.ts';

const VALID = join(PACKET_FIXTURES_DIR, 'valid', 'status-03.edxml');
const WARNED = join(PACKET_FIXTURES_DIR, 'valid', 'quirk-short-status-code.edxml');
const INVALID = join(PACKET_FIXTURES_DIR, 'invalid', 'id-invalid-recipient.edxml');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'truc-validate-'));
  await mkdir(join(dir, 'nested', 'deeper'), { recursive: true });
  await writeFile(join(dir, 'nested', 'deeper', 'a.edxml'), '<not-closed>');
  await writeFile(join(dir, 'nested', 'b.xml'), '');
  await writeFile(join(dir, 'nested', 'ignored.txt'), 'not a packet');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('truc validate', () => {
  it('exits 0 on valid packets and prints the verdict and a summary', async () => {
    const r = await truc('validate', VALID);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`✓ HỢP LỆ / VALID: ${VALID} (status)`);
    expect(r.out).toMatch(/Tổng kết \/ Summary: 1 tệp\/files, 1 hợp lệ\/valid/);
  });

  it('exits 1 when a file has an error, with rule, path and both languages', async () => {
    const r = await truc('validate', VALID, INVALID);
    expect(r.code).toBe(1);
    expect(r.out).toContain('EDXML-ID-001 /edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To[2]/OrganId');
    expect(r.out).toContain('Mã định danh "28.22.H17" không hợp lệ');
    expect(r.out).toContain('The identifier code "28.22.H17" is invalid');
  });

  it('counts warnings as errors with --strict', async () => {
    expect((await truc('validate', WARNED)).code).toBe(0);
    expect((await truc('validate', '--strict', WARNED)).code).toBe(1);
  });

  it('prints one JSON document with every operand, and exits 2 (over 1) on unreadable ones', async () => {
    const missing = join(dir, 'missing.edxml');
    const r = await truc('validate', '--json', INVALID, missing, dir);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    expect(doc.files.map((f: { file: string }) => f.file)).toEqual([
      INVALID, missing, join(dir, 'nested', 'b.xml'), join(dir, 'nested', 'deeper', 'a.edxml'),
    ]);
    const [invalid, unreadable, empty] = doc.files;
    expect(invalid).toMatchObject({ kind: 'edoc', valid: false, error: null });
    expect(invalid.findings[0]).toEqual({
      rule: 'EDXML-ID-001', level: 'error', category: 'identifier',
      path: '/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To[2]/OrganId',
      message: { vi: expect.stringContaining('28.22.H17'), en: expect.stringContaining('28.22.H17') },
      cite: expect.stringContaining('QCVN 102'),
    });
    expect(unreadable).toEqual({ file: missing, kind: 'unknown', valid: false, error: { code: 'IO-NOT-FOUND', message: expect.any(String) }, findings: [] });
    expect(empty.findings.map((f: { rule: string }) => f.rule)).toEqual(['EDXML-XML-006']);
  });

  it('admits relay ids with --allow-id (each option takes one value)', async () => {
    const relay = join(PACKET_FIXTURES_DIR, 'valid', 'quirk-relay-trace-allowed.edxml');
    expect((await truc('validate', '--strict', relay)).code).toBe(1);
    expect((await truc('validate', '--strict', '--allow-id', 'vxp.saas.02', relay)).code).toBe(0);
  });

  it('refuses unknown options and unreadable --trust files as usage problems', async () => {
    expect((await truc('validate', VALID, '--bogus')).code).toBe(2);
    const r = await truc('validate', '--trust', join(dir, 'none.pem'), VALID);
    expect(r.code).toBe(2);
    expect(r.err).toContain('CLI-OPTION-FILE');
    const json = await truc('validate', '--json', '--crl', join(dir, 'none.crl'), VALID);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out).files).toEqual([
      { file: VALID, kind: 'unknown', valid: false, error: { code: 'CLI-OPTION-FILE', message: expect.stringContaining('--crl') }, findings: [] },
    ]);
  });

  it('reads standard input for `-` (spawned, as a user runs it)', () => {
    const bin = join(PACKET_FIXTURES_DIR, '..', '..', 'bin', 'truc.js');
    const r = spawnSync(process.execPath, [bin, 'validate', '--json', '-'], { input: '<edXML xmlns="urn:x"/>', encoding: 'utf8' });
    expect(r.status).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.files).toEqual([expect.objectContaining({ file: '-', kind: 'unknown', valid: false })]);
    expect(doc.files[0].findings.map((f: { rule: string }) => f.rule)).toEqual(['EDXML-XML-003']);
  });
});
