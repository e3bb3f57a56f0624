// The test PKI on disk: `truc pki`, `truc sign`, `truc serve`, `truc certify` and `truc demo` all
// use one folder (default ./truc-data/pki), created on first use. The folder is the run's trust:
// its root is the trust anchor and its CRL the revocation data. Layout (docs/signatures.md):
//
//   pki.json                    state: clock (deterministic folders), seed, next serial, revocations
//   root.cert.pem / .key.pem    TEST Government root (trust anchor; trust.pem is a copy)
//   intermediate.cert.pem / .key.pem
//   untrusted-root.cert.pem / .key.pem
//   trust.pem                   the trust anchors of the run
//   crl.pem                     the intermediate's CRL
//   issued/<slug>.cert.pem .key.pem .chain.pem   one set per certificate issued
import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import {
  buildCrl,
  createTestPki,
  generateLeafKeys,
  issueCertificate,
  SignatureError,
  type CertificateVariant,
  type IssuedCertificate,
  type IssueOptions,
  type TestPki,
  type TrustContext,
} from '../edxml/signatures/index.ts';
import { derToPem, pemToDer, splitPem } from '../edxml/signatures/pem.ts';

export const DEFAULT_PKI_DIR = join('truc-data', 'pki');

interface PkiState {
  version: 1;
  deterministic: boolean;
  seed: string;
  /** Only deterministic folders keep a fixed clock; others issue at the current time. */
  now?: string;
  nextSerial: number;
  revoked: { serialHex: string; revocationDate: string }[];
}

export interface PkiFolder {
  dir: string;
  pki: TestPki;
  /** PEM trust anchors of the run: the test root. */
  trustAnchorsPem: string[];
  crlDer: Uint8Array;
  /** Trust anchors and CRL as the verifiers take them. */
  trustContext(): TrustContext;
  /** A certificate issued earlier with exactly these options, if any. */
  find(options: IssueOptions): Promise<IssuedCertificate | undefined>;
  /** Issues (or reissues) and stores a certificate; a revoked one also lands in the rewritten CRL. */
  issue(options: IssueOptions): Promise<IssuedCertificate>;
  /** find, else issue. */
  obtain(options: IssueOptions): Promise<IssuedCertificate>;
}

export interface OpenPkiOptions {
  /** Create the folder and its hierarchy when pki.json is missing. */
  create?: boolean;
  deterministic?: boolean;
  now?: Date;
}

const pkiError = (code: string, vi: string, en: string) => new SignatureError(code, vi, en);

/** File-name slug: agency code, then the signer's name without diacritics, then the variant. */
export function issuedSlug(options: IssueOptions): string {
  const plain = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const variant: CertificateVariant = options.variant ?? 'valid';
  return [plain(options.agencyCode), options.signer ? plain(options.signer) : 'org', variant].join('--');
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

// Write-then-rename so a crash never leaves a half-written key or state file behind.
async function writeAtomic(path: string, data: string | Uint8Array, mode?: number): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data, mode === undefined ? {} : { mode });
  await rename(tmp, path);
}

async function requireText(dir: string, name: string): Promise<string> {
  const text = await readText(join(dir, name));
  if (text === undefined) {
    throw pkiError('PKI-INCOMPLETE', `Thư mục PKI ${dir} thiếu tệp ${name}.`, `The PKI folder ${dir} lacks the file ${name}.`);
  }
  return text;
}

async function loadPki(dir: string, state: PkiState): Promise<TestPki> {
  const pair = async (name: string) => ({
    certificatePem: await requireText(dir, `${name}.cert.pem`),
    privateKeyPem: await requireText(dir, `${name}.key.pem`),
  });
  return {
    now: state.deterministic && state.now ? new Date(state.now) : new Date(),
    deterministic: state.deterministic,
    seed: state.seed,
    root: await pair('root'),
    intermediate: await pair('intermediate'),
    untrustedRoot: await pair('untrusted-root'),
    nextSerial: state.nextSerial,
    revoked: state.revoked.map((r) => ({ serialHex: r.serialHex, revocationDate: new Date(r.revocationDate) })),
  };
}

function parseState(text: string, dir: string): PkiState {
  try {
    const state = JSON.parse(text) as PkiState;
    if (state.version === 1 && typeof state.nextSerial === 'number' && Array.isArray(state.revoked)) return state;
  } catch {
    // Reported below as one error whatever the defect.
  }
  throw pkiError('PKI-CORRUPT', `Tệp ${join(dir, 'pki.json')} bị hỏng.`, `The file ${join(dir, 'pki.json')} is damaged.`);
}

async function saveState(dir: string, pki: TestPki): Promise<void> {
  const state: PkiState = {
    version: 1,
    deterministic: pki.deterministic,
    seed: pki.seed,
    ...(pki.deterministic ? { now: pki.now.toISOString() } : {}),
    nextSerial: pki.nextSerial,
    revoked: pki.revoked.map((r) => ({ serialHex: r.serialHex, revocationDate: r.revocationDate.toISOString() })),
  };
  await writeAtomic(join(dir, 'pki.json'), `${JSON.stringify(state, null, 2)}\n`);
}

async function writeCrl(dir: string, pki: TestPki): Promise<Uint8Array> {
  const der = await buildCrl(pki);
  await writeAtomic(join(dir, 'crl.pem'), derToPem(der, 'X509 CRL'));
  return der;
}

// A folder lives longer than one CRL: systems under test that honour nextUpdate would otherwise
// start refusing every test certificate a month after `truc pki init`.
const CRL_REFRESH_MARGIN_MS = 86_400_000;

function crlIsStale(der: Uint8Array, now: Date): boolean {
  try {
    const next = pkijs.CertificateRevocationList.fromBER(der).nextUpdate?.value;
    return next === undefined || next.getTime() - CRL_REFRESH_MARGIN_MS < now.getTime();
  } catch {
    return true;
  }
}

async function initialise(dir: string, options: OpenPkiOptions): Promise<TestPki> {
  const pki = createTestPki({ deterministic: options.deterministic ?? false, ...(options.now ? { now: options.now } : {}) });
  await mkdir(join(dir, 'issued'), { recursive: true });
  const pairs: [string, { certificatePem: string; privateKeyPem: string }][] = [
    ['root', pki.root],
    ['intermediate', pki.intermediate],
    ['untrusted-root', pki.untrustedRoot],
  ];
  for (const [name, pair] of pairs) {
    await writeAtomic(join(dir, `${name}.cert.pem`), pair.certificatePem);
    await writeAtomic(join(dir, `${name}.key.pem`), pair.privateKeyPem, 0o600);
  }
  await writeAtomic(join(dir, 'trust.pem'), pki.root.certificatePem);
  await writeCrl(dir, pki);
  await saveState(dir, pki);
  return pki;
}

/** Opens (and with `create`, initialises) a PKI folder. Throws SignatureError with a PKI-* code. */
export async function openPkiFolder(dir: string, options: OpenPkiOptions = {}): Promise<PkiFolder> {
  const stateText = await readText(join(dir, 'pki.json'));
  let pki: TestPki;
  if (stateText === undefined) {
    if (!options.create) {
      throw pkiError(
        'PKI-NOT-FOUND',
        `Không có PKI thử nghiệm tại ${dir}; hãy chạy "truc pki init --out ${dir}".`,
        `No test PKI at ${dir}; run "truc pki init --out ${dir}".`,
      );
    }
    pki = await initialise(dir, options);
  } else {
    pki = await loadPki(dir, parseState(stateText, dir));
  }
  let crlDer = pemToDer(splitPem(await requireText(dir, 'crl.pem'), 'X509 CRL')[0] ?? '');
  if (!pki.deterministic && crlIsStale(crlDer, pki.now)) crlDer = await writeCrl(dir, pki);
  const trustAnchorsPem = splitPem(await requireText(dir, 'trust.pem'));

  const paths = (options: IssueOptions) => {
    const base = join(dir, 'issued', issuedSlug(options));
    return { cert: `${base}.cert.pem`, key: `${base}.key.pem`, chain: `${base}.chain.pem` };
  };

  const folder: PkiFolder = {
    dir,
    pki,
    trustAnchorsPem,
    get crlDer() {
      return crlDer;
    },
    trustContext: () => ({ trustAnchors: trustAnchorsPem, crls: [crlDer] }),
    async find(options) {
      const p = paths(options);
      const [certificatePem, privateKeyPem, chain] = await Promise.all([readText(p.cert), readText(p.key), readText(p.chain)]);
      if (certificatePem === undefined || privateKeyPem === undefined || chain === undefined) return undefined;
      const issued: IssuedCertificate = {
        certificatePem,
        privateKeyPem,
        chainPem: splitPem(chain),
        agencyCode: options.agencyCode,
        agencyName: options.agencyName,
        variant: options.variant ?? 'valid',
        serialHex: new X509Certificate(certificatePem).serialNumber.toLowerCase(),
        ...(options.signer ? { signer: options.signer } : {}),
      };
      return issued;
    },
    async issue(options) {
      const keys = pki.deterministic ? undefined : await generateLeafKeys();
      const issued = issueCertificate(pki, options, keys);
      const p = paths(options);
      await mkdir(join(dir, 'issued'), { recursive: true });
      await writeAtomic(p.key, issued.privateKeyPem, 0o600);
      await writeAtomic(p.chain, issued.chainPem.join(''));
      await writeAtomic(p.cert, issued.certificatePem);
      if (issued.variant === 'revoked') crlDer = await writeCrl(dir, pki);
      await saveState(dir, pki);
      return issued;
    },
    async obtain(options) {
      return (await folder.find(options)) ?? folder.issue(options);
    },
  };
  return folder;
}
