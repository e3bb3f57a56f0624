import { readFile, stat } from 'node:fs/promises';
import type { X509Certificate } from 'node:crypto';
import type { CertificateManifest } from '../../conformance/report/certificate.ts';
import { SIGNER_TEXT, signerSubject } from '../../conformance/report/signer.ts';
import { parsePemCertificates, verifyRunFolder } from '../../conformance/report/verify-run.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, type TrucCommand } from '../command.ts';

/** Intact, but nobody checked who signed it (no --trust): integrity only, never "trusted". */
export const EXIT_SIGNER_UNCHECKED = 3;
/** Intact and chaining to the given root, but a self-test signature: not a certification. */
export const EXIT_SELF_TEST = 4;

interface VerifyArgs {
  dir: string;
  trust?: string[];
}

async function readTrustRoots(files: string[]): Promise<X509Certificate[]> {
  const roots: X509Certificate[] = [];
  for (const file of files) {
    let pem: string;
    try {
      pem = await readFile(file, 'utf8');
    } catch {
      throw new CliError('VERIFY-TRUST-UNREADABLE', `Không đọc được tệp gốc tin cậy ${file}`, `Cannot read the trust root file ${file}`);
    }
    let certs: X509Certificate[];
    try {
      certs = parsePemCertificates(pem);
    } catch {
      certs = [];
    }
    if (certs.length === 0) {
      throw new CliError('VERIFY-TRUST-INVALID', `Tệp ${file} không chứa chứng thư PEM hợp lệ`, `${file} holds no valid PEM certificate`);
    }
    roots.push(...certs);
  }
  return roots;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '—' : JSON.stringify(v));

// `truc verify DIR [--trust ROOT.pem]`: 0 certified (intact, independent certifier chaining to a
// given root), 1 with each problem named, 2 usage, 3 intact but signer not checked (no --trust),
// 4 intact but a self-test signature.
export const verifyCommand: TrucCommand<VerifyArgs> = {
  builder: (y) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'Thư mục kết quả / Run output folder' })
      .option('trust', {
        type: 'string',
        array: true,
        describe: 'Chứng thư gốc (PEM) của người chứng nhận độc lập / Root (PEM) of the independent certifier',
      }) as never,
  run: async (args) => {
    const isDir = await stat(args.dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) throw new CliError('VERIFY-NO-FOLDER', `Không có thư mục ${args.dir}`, `No such folder: ${args.dir}`);
    const trustRoots = args.trust?.length ? await readTrustRoots(args.trust) : undefined;
    const { problems, certificate, trust, selfTest } = await verifyRunFolder(args.dir, { trustRoots });
    const out = (line: string) => process.stdout.write(`${line}\n`);
    for (const p of problems) out(`✗ [${p.code}] ${p.vi} / ${p.en}`);
    if (problems.length) return EXIT_FINDINGS;
    // Signed, but possibly by anyone: print its fields without trusting their shape.
    const m = certificate!.manifest as Partial<CertificateManifest> & { files: Record<string, string> };
    out(`✓ Nguyên vẹn / Intact: ${Object.keys(m.files).length} tệp / files · ${text(m.verdict)} · ${text(m.profile)}`);
    out(`  Hệ thống / System: ${text(m.sut?.code)} · ${text(m.sut?.software)} ${text(m.sut?.version)} · build ${text(m.sut?.build)}`);
    out(`  Người ký / Signer: ${signerSubject(certificate!.signature.chain[0])}`);
    if (selfTest) out(`! ${SIGNER_TEXT['self-test'].vi} / ${SIGNER_TEXT['self-test'].en}`);
    for (const o of Array.isArray(m.overrides) ? m.overrides : []) {
      out(`  Xem xét / Override: ${text(o.caseId)} ${text(o.from)} → ${text(o.to)} · ${text(o.reviewer)} · ${text(o.at)} · ${text(o.justification)}`);
    }
    if (trust === 'unchecked') {
      out('? Chưa kiểm tra người ký (không có --trust): chỉ biết các tệp nguyên vẹn / Signer not checked (no --trust): integrity only');
      return EXIT_SIGNER_UNCHECKED;
    }
    if (trust === 'self-test') {
      out('✗ Không phải chứng nhận: chữ ký tự kiểm tra / Not a certification: self-test signature');
      return EXIT_SELF_TEST;
    }
    out('✓ Đã chứng nhận: người chứng nhận độc lập dẫn tới gốc tin cậy đã cho / Certified: an independent certifier chaining to the given root');
    return EXIT_OK;
  },
};
