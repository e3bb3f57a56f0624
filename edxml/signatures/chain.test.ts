// RFC 5280 path basics (EDXML-SIG-020): certificates built here with node-forge (the verifier uses
// node:crypto and pkijs), and `openssl verify` as an independent oracle that rejects the same paths.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateFindings, judgeCertificate } from './certificate-judgement.ts';

const DAY = 86_400_000;
const NOW = new Date();

interface Made {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
  pem: string;
}

const keys = (): forge.pki.rsa.KeyPair => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
};

let serial = 1;
function make(cn: string, issuer: Made | undefined, options: { ca: boolean; pathLen?: number; notBefore?: Date; notAfter?: Date; keyCertSign?: boolean }): Made {
  const pair = keys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = pair.publicKey;
  cert.serialNumber = `0${serial++}`;
  cert.validity.notBefore = options.notBefore ?? new Date(NOW.getTime() - 10 * DAY);
  cert.validity.notAfter = options.notAfter ?? new Date(NOW.getTime() + 365 * DAY);
  const subject = [{ name: 'commonName', value: cn }];
  cert.setSubject(subject);
  cert.setIssuer(issuer ? issuer.cert.subject.attributes : subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: options.ca, critical: true, ...(options.pathLen === undefined ? {} : { pathLenConstraint: options.pathLen }) },
    options.ca || options.keyCertSign ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true } : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
  ]);
  cert.sign(issuer?.key ?? pair.privateKey, forge.md.sha256.create());
  return { cert, key: pair.privateKey, pem: forge.pki.certificateToPem(cert) };
}

const x509 = (m: Made) => new X509Certificate(m.pem);

async function problems(leaf: Made, carried: Made[], root: Made): Promise<{ rules: string[]; detail: string }> {
  const j = await judgeCertificate(x509(leaf), [x509(leaf), ...carried.map(x509)], { trustAnchors: [root.pem], crls: [] }, NOW);
  const findings = certificateFindings(j, '/p').filter((f) => f.rule === 'EDXML-SIG-020');
  return { rules: findings.map((f) => f.rule), detail: findings.map((f) => f.message.en).join(' ') };
}

function opensslVerifies(leaf: Made, carried: Made[], root: Made): boolean | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'truc-chain-'));
  writeFileSync(join(dir, 'root.pem'), root.pem);
  writeFileSync(join(dir, 'untrusted.pem'), carried.map((c) => c.pem).join('') || root.pem);
  writeFileSync(join(dir, 'leaf.pem'), leaf.pem);
  try {
    execFileSync('openssl', ['verify', '-CAfile', join(dir, 'root.pem'), '-untrusted', join(dir, 'untrusted.pem'), join(dir, 'leaf.pem')], { stdio: 'pipe' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return false;
  }
}

let root: Made;
beforeAll(() => {
  root = make('TEST Root', undefined, { ca: true });
});

describe('certification path basics (RFC 5280)', () => {
  it('accepts root → CA intermediate → signer, as openssl does', async () => {
    const intermediate = make('TEST Intermediate', root, { ca: true, pathLen: 0 });
    const leaf = make('Signer', intermediate, { ca: false });
    expect(await problems(leaf, [intermediate], root)).toEqual({ rules: [], detail: '' });
    expect(opensslVerifies(leaf, [intermediate], root) ?? true).toBe(true);
  });

  it('rejects a signer issued by a certificate that is not a CA (basicConstraints cA false, whatever its key usage)', async () => {
    // keyCertSign lets OpenSSL's issuer match succeed, so the path is built and the CA flag decides.
    const notCa = make('Ordinary Signer', root, { ca: false, keyCertSign: true });
    const leaf = make('Signer under a signer', notCa, { ca: false });
    const found = await problems(leaf, [notCa], root);
    expect(found.rules).toEqual(['EDXML-SIG-020']);
    expect(found.detail).toContain('is not a CA certificate');
    expect(opensslVerifies(leaf, [notCa], root) ?? false).toBe(false);
  });

  it('rejects a path longer than an issuer’s pathLenConstraint', async () => {
    const limited = make('TEST Limited', root, { ca: true, pathLen: 0 });
    const sub = make('TEST Sub CA', limited, { ca: true });
    const leaf = make('Signer', sub, { ca: false });
    const found = await problems(leaf, [limited, sub], root);
    expect(found.rules).toEqual(['EDXML-SIG-020']);
    expect(found.detail).toContain('pathLenConstraint');
    expect(opensslVerifies(leaf, [limited, sub], root) ?? false).toBe(false);
  });

  it('rejects an intermediate that had expired at signing time', async () => {
    const old = make('TEST Old CA', root, { ca: true, notBefore: new Date(NOW.getTime() - 400 * DAY), notAfter: new Date(NOW.getTime() - DAY) });
    const leaf = make('Signer', old, { ca: false });
    const found = await problems(leaf, [old], root);
    expect(found.rules).toEqual(['EDXML-SIG-020']);
    expect(found.detail).toContain('TEST Old CA was expired');
    expect(opensslVerifies(leaf, [old], root) ?? false).toBe(false);
  });
});
