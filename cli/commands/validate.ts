import { readFile } from 'node:fs/promises';
import { validatePacket, type ValidateOptions } from '../../edxml/validate.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type TrucCommand } from '../command.ts';
import { collectPacketSources, ioError } from '../packet-files.ts';
import { humanReport, jsonReport, type FileResult } from '../validate-report.ts';

interface ValidateArgs {
  files: string[];
  json: boolean;
  strict: boolean;
  'allow-id': string[];
  trust: string[];
  crl: string[];
}

/** Trust anchors and CRLs named on the command line; unreadable ones are a usage problem (exit 2). */
async function readOptionFiles(paths: readonly string[], what: string): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const path of paths) {
    try {
      out.push(await readFile(path));
    } catch (e) {
      const err = ioError(e);
      throw new CliError('CLI-OPTION-FILE', `${err.vi}: ${what} ${path}`, `${err.en}: ${what} ${path}`);
    }
  }
  return out;
}

export const validateCommand: TrucCommand<ValidateArgs> = {
  // `-` (standard input) must reach the operands: yargs drops it from variadic positionals unless
  // dash-led words count as arguments; each repeatable option then takes exactly one value.
  builder: (y) =>
    y
      .parserConfiguration({ 'unknown-options-as-args': true, 'greedy-arrays': false })
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'tệp, thư mục hoặc - / file, directory or -' })
      .option('json', { type: 'boolean', default: false, describe: 'Một tài liệu JSON trên stdout / One JSON document on stdout' })
      .option('strict', { type: 'boolean', default: false, describe: 'Cảnh báo tính là lỗi / Warnings count as errors' })
      .option('allow-id', { type: 'string', array: true, default: [], describe: 'Mã thử nghiệm/trung chuyển được chấp nhận / Admitted test or relay id' })
      .option('trust', { type: 'string', array: true, default: [], describe: 'Chứng thư gốc tin cậy (PEM) / Trust anchor (PEM)' })
      .option('crl', { type: 'string', array: true, default: [], describe: 'Danh sách thu hồi (DER/PEM) / Revocation list (DER/PEM)' }) as never,
  run: async (args) => {
    const unknown = args.files.map(String).find((f) => f.startsWith('-') && f !== '-');
    if (unknown) throw new CliError('CLI-USAGE', `Tuỳ chọn không hợp lệ: ${unknown}`, `Unknown option: ${unknown}`);
    let trustAnchors: string[];
    let crls: Uint8Array[];
    try {
      trustAnchors = (await readOptionFiles(args.trust, '--trust')).map((b) => Buffer.from(b).toString('utf8'));
      crls = await readOptionFiles(args.crl, '--crl');
    } catch (e) {
      if (!(e instanceof CliError) || !args.json) throw e;
      // --json promises one document naming every operand, also when exiting 2.
      const error = { code: e.code, message: `${e.vi} / ${e.en}` };
      process.stdout.write(jsonReport(args.files.map((file) => ({ file: String(file), kind: 'unknown', valid: false, error, findings: [] }))));
      return EXIT_USAGE;
    }
    const options: ValidateOptions = { strict: args.strict, allowIds: args['allow-id'].map(String), trustAnchors, crls };
    const results: FileResult[] = [];
    for (const source of await collectPacketSources(args.files.map(String), process.stdin)) {
      const read = await source.read();
      if ('error' in read) {
        const message = `${read.error.vi} / ${read.error.en}`;
        results.push({ file: source.file, kind: 'unknown', valid: false, error: { code: read.error.code, message }, findings: [] });
        continue;
      }
      const report = await validatePacket(read.bytes, options);
      results.push({ file: source.file, kind: report.kind, valid: report.valid, error: null, findings: report.findings });
    }
    process.stdout.write(args.json ? jsonReport(results) : humanReport(results));
    if (results.some((r) => r.error)) return EXIT_USAGE;
    return results.some((r) => !r.valid) ? EXIT_FINDINGS : EXIT_OK;
  },
};
