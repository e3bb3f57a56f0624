// `truc pki`, `truc sign` and `truc sign-packet` end to end, in process.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildPacket } from '../../edxml/build.ts';
import { composeEdoc } from '../../edxml/compose.ts';
import { fromPkcs12, samplePdf, samplePdfWithXrefStream, verifyPacketSignature, verifyPdfSignatures } from '../../edxml/signatures/index.ts';
import { openPkiFolder } from '../../simulator/pki-folder.ts';
import { main } from '../main.ts';

let dir: string;
let pkiDir: string;
const stderr: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'truc-sign-'));
  pkiDir = join(dir, 'pki');
  writeFileSync(join(dir, 'in.pdf'), samplePdf());
  writeFileSync(join(dir, 'xref-stream.pdf'), samplePdfWithXrefStream());
});

function captureStderr() {
  stderr.length = 0;
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
}
afterEach(() => vi.restoreAllMocks());

describe('truc pki / sign / sign-packet', () => {
  it('initialises a PKI once and refuses to overwrite it', async () => {
    captureStderr();
    expect(await main(['pki', 'init', '--out', pkiDir])).toBe(0);
    expect(await main(['pki', 'init', '--out', pkiDir])).toBe(2);
    expect(stderr.join('')).toContain('[PKI-EXISTS]');
  });

  it('issues a PKCS#12 for a vendor, named from the seeded directory', async () => {
    captureStderr();
    const out = join(dir, 'g12.p12');
    expect(await main(['pki', 'issue', '--pki', pkiDir, '--agency', '000.00.00.G12', '--out', out, '--password', 'pw'])).toBe(0);
    const opened = fromPkcs12(readFileSync(out), 'pw');
    expect(opened?.certificatePem).toBeDefined();
    const { X509Certificate } = await import('node:crypto');
    const subject = new X509Certificate(opened?.certificatePem ?? '').subject;
    expect(subject).toContain('UID=000.00.00.G12');
    expect(subject).toContain('CN=Bộ Tài chính');
  });

  it('signs a PDF as the signer, then the organisation, verifiable against the folder', async () => {
    captureStderr();
    const out = join(dir, 'signed.pdf');
    const code = await main(['sign', '--pki', pkiDir, '--agency', '000.00.00.G22', '--signer', 'Trần Thị Bình', '--in', join(dir, 'in.pdf'), '--out', out]);
    expect(stderr.join('')).toBe('');
    expect(code).toBe(0);
    const folder = await openPkiFolder(pkiDir);
    const findings = await verifyPdfSignatures(readFileSync(out), {
      ...folder.trustContext(),
      path: '/a',
      signerFullName: 'Trần Thị Bình',
      fromOrganId: '000.00.00.G22',
    });
    expect(findings).toEqual([]);
  });

  it('refuses a cross-reference-stream PDF clearly and writes nothing', async () => {
    captureStderr();
    const out = join(dir, 'never.pdf');
    expect(await main(['sign', '--pki', pkiDir, '--agency', 'G22', '--in', join(dir, 'xref-stream.pdf'), '--out', out])).toBe(2);
    expect(stderr.join('')).toContain('[SIG-PDF-XREF-STREAM]');
    expect(() => readFileSync(out)).toThrow();
  });

  it('reports a missing input file as a usage error', async () => {
    captureStderr();
    expect(await main(['sign', '--pki', pkiDir, '--agency', 'G22', '--in', join(dir, 'missing.pdf'), '--out', join(dir, 'x.pdf')])).toBe(2);
    expect(stderr.join('')).toContain('[CLI-READ]');
  });

  it('signs a packet with XMLDSig that verifies against the folder', async () => {
    captureStderr();
    const input = join(dir, 'in.edxml');
    const out = join(dir, 'signed.edxml');
    writeFileSync(input, buildPacket(composeEdoc({ from: '000.00.00.G22', to: ['000.00.00.G12'], codeNumber: '3', codeNotation: 'VPCP', promulgationDate: '2026/01/05', subject: 'Gói tin thử' })));
    expect(await main(['sign-packet', '--pki', pkiDir, '--agency', '000.00.00.G22', '--in', input, '--out', out])).toBe(0);
    const folder = await openPkiFolder(pkiDir);
    expect(await verifyPacketSignature(readFileSync(out, 'utf8'), { ...folder.trustContext(), path: '/s' })).toEqual([]);
    expect(await main(['sign-packet', '--pki', pkiDir, '--agency', 'G22', '--in', join(dir, 'in.pdf'), '--out', out])).toBe(2);
    expect(stderr.join('')).toContain('[SIG-XML-UNREADABLE]');
  });
});
