import { readFile, stat } from 'node:fs/promises';
import type { X509Certificate } from 'node:crypto';
import type { RunCertificate } from '../../conformance/report/certificate.ts';
import { parsePemCertificates, verifyRunFolder } from '../../conformance/report/verify-run.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, type TrucCommand } from '../command.ts';

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

// `truc verify DIR [--trust ROOT.pem]`: 0 intact (and trusted when asked), 1 with each problem named, 2 usage.
export const verifyCommand: TrucCommand<VerifyArgs> = {
  command: 'verify <dir>',
  describe: 'Kiểm tra chứng nhận của một lượt kiểm thử / Check a run folder against its certificate',
  builder: (y) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'Thư mục kết quả / Run output folder' })
      .option('trust', {
        type: 'string',
        array: true,
        describe: 'Chứng thư gốc (PEM) mà người chứng nhận phải dẫn tới / Root (PEM) the certifier must chain to',
      }) as never,
  run: async (args) => {
    const isDir = await stat(args.dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) throw new CliError('VERIFY-NO-FOLDER', `Không có thư mục ${args.dir}`, `No such folder: ${args.dir}`);
    const trustRoots = args.trust?.length ? await readTrustRoots(args.trust) : undefined;
    const { problems, certificate } = await verifyRunFolder(args.dir, { trustRoots });
    for (const p of problems) process.stdout.write(`✗ [${p.code}] ${p.vi} / ${p.en}\n`);
    if (problems.length) return EXIT_FINDINGS;
    // Signed, but possibly by anyone (without --trust): print its fields without trusting their shape.
    const m = certificate!.manifest as Partial<RunCertificate['manifest']> & { files: Record<string, string> };
    process.stdout.write(
      `✓ Nguyên vẹn / Intact: ${Object.keys(m.files).length} tệp / files · ${String(m.verdict)} · ${String(m.sut?.code)} · ${String(m.profile)}` +
        `${trustRoots ? ' · tin cậy / trusted' : ''}\n`,
    );
    return EXIT_OK;
  },
};
