// signPdf's RSA runs on node:crypto: what it writes must verify with tools that share no code
// with truc (poppler's pdfsig, OpenSSL's CMS verifier), not only with truc's own verifier.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signPdf } from './pdf-sign.ts';
import { findPdfSignatures, signedParts } from './pdf-signatures.ts';
import { samplePdf } from './sample-pdf.ts';
import { SIGNER_NAME, testPkiKit } from './test-pki.ts';

const installed = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

describe('signPdf (node:crypto RSA) against independent verifiers', async () => {
  const kit = await testPkiKit();
  const signingTime = new Date();
  const signed = await signPdf(await signPdf(samplePdf({ text: 'Van ban thu' }), kit.personal(), { signingTime }), kit.organisation(), { signingTime });
  const dir = mkdtempSync(join(tmpdir(), 'truc-pdf-sign-'));
  writeFileSync(join(dir, 'signed.pdf'), signed);
  writeFileSync(join(dir, 'root.pem'), kit.pki.root.certificatePem);

  it.skipIf(!installed('pdfsig'))('pdfsig reports both signatures valid (skipped when poppler-utils pdfsig is not installed)', () => {
    const run = spawnSync('pdfsig', [join(dir, 'signed.pdf')], { encoding: 'utf8' });
    expect(run.stdout.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    expect(run.stdout).toContain(`Signer Certificate Common Name: ${SIGNER_NAME}`);
  });

  it.skipIf(!installed('openssl'))('openssl cms -verify accepts each CMS against the test root (skipped when openssl is not installed)', () => {
    const spans = findPdfSignatures(signed);
    expect(spans).toHaveLength(2);
    for (const [i, span] of spans.entries()) {
      writeFileSync(join(dir, `sig${i}.der`), span.contents ?? new Uint8Array());
      writeFileSync(join(dir, `content${i}.bin`), Buffer.concat(signedParts(signed, span)));
      const run = spawnSync(
        'openssl',
        ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, `sig${i}.der`), '-content', join(dir, `content${i}.bin`),
          '-CAfile', join(dir, 'root.pem'), '-purpose', 'any', '-out', '/dev/null'],
        { encoding: 'utf8' },
      );
      expect(run.stderr).toContain('Verification successful');
    }
  });

  it.skipIf(!installed('openssl'))('a changed byte of the signed range fails OpenSSL (skipped when openssl is not installed)', () => {
    const span = findPdfSignatures(signed)[0];
    const content = Buffer.concat(signedParts(signed, span));
    content[20] ^= 1;
    writeFileSync(join(dir, 'sig-bad.der'), span.contents ?? new Uint8Array());
    writeFileSync(join(dir, 'content-bad.bin'), content);
    const run = spawnSync(
      'openssl',
      ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'sig-bad.der'), '-content', join(dir, 'content-bad.bin'), '-CAfile', join(dir, 'root.pem'), '-purpose', 'any', '-out', '/dev/null'],
      { encoding: 'utf8' },
    );
    expect(run.stderr).not.toContain('Verification successful');
  });
});
