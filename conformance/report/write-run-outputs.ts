// Writes the whole output folder of a run (spec "Evidence and reports"): report.json, report.html,
// junit.xml, journal.jsonl, then certificate.json over the digests of exactly those bytes. Used by
// `truc demo` and `truc certify`.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RunRecord } from '../run-record.ts';
import { vietnamStamp } from '../vietnam-time.ts';
import { CERTIFICATE_FILE, sha256Hex, signManifest, type RunCertificate } from './certificate.ts';
import type { Certifier } from './certifier.ts';
import { renderReportHtml } from './html.ts';
import { renderJournalJsonl } from './journal-jsonl.ts';
import { renderJunit, type JunitOptions } from './junit.ts';
import { buildReport, reportSut } from './report-json.ts';
import { reportSchemaErrors } from './schema.ts';
import { signerSubject, type SignerInfo } from './signer.ts';

export const REPORT_FILES = ['report.json', 'report.html', 'junit.xml', 'journal.jsonl'] as const;

export class OutputError extends Error {
  constructor(
    readonly code: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface RunOutputs {
  dir: string;
  /** Every file written, certificate.json last. */
  files: string[];
  certificate: RunCertificate;
}

/** `./truc-runs/<yyyyMMdd-HHmmss>` (Vietnam time of the run's start), relative to `base`. */
export const defaultRunDir = (run: RunRecord, base = process.cwd()): string => join(resolve(base), 'truc-runs', vietnamStamp(run.startedAt));

async function isEmptyOrAbsent(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
}

/** Throws unless `dir` is absent or empty: checked before a run too, so a long run is never lost at the end. */
export async function assertOutputDirFree(dir: string): Promise<void> {
  let free: boolean;
  try {
    free = await isEmptyOrAbsent(dir);
  } catch {
    free = false;
  }
  if (!free) {
    throw new OutputError('CONF-OUTPUT-EXISTS', `Thư mục ${dir} đã có tệp hoặc không dùng được; hãy chọn thư mục trống`, `Folder ${dir} is not empty or not usable; choose an empty one`);
  }
}

/** A fresh folder: the given one if empty, or the default name with `-2`, `-3`… when taken. */
async function chooseDir(dir: string | undefined, run: RunRecord): Promise<string> {
  if (dir !== undefined) {
    await assertOutputDirFree(dir);
    return resolve(dir);
  }
  const base = defaultRunDir(run);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (await isEmptyOrAbsent(candidate)) return candidate;
  }
}

/**
 * `evidence`: more files certified with the reports, by plain file name (e.g. `sut.log`, the
 * output of a SUT the suite started).
 */
export async function writeRunOutputs(
  dir: string | undefined,
  run: RunRecord,
  options: { certifier: Certifier; junit?: JunitOptions; evidence?: Record<string, string> },
): Promise<RunOutputs> {
  const signer: SignerInfo = { kind: options.certifier.kind, subject: signerSubject(options.certifier.chain[0]) };
  const report = buildReport(run, signer);
  const schemaErrors = reportSchemaErrors(report);
  if (schemaErrors.length) {
    // A harness bug: refuse to certify a report that breaks its own published schema.
    throw new OutputError('CONF-REPORT-SCHEMA', `report.json sai lược đồ: ${schemaErrors.join('; ')}`, `report.json breaks its schema: ${schemaErrors.join('; ')}`);
  }
  const target = await chooseDir(dir, run);
  await mkdir(target, { recursive: true });
  const contents: Record<(typeof REPORT_FILES)[number], string> = {
    'report.json': `${JSON.stringify(report, null, 2)}\n`,
    'report.html': renderReportHtml(run, signer),
    'junit.xml': renderJunit(run, options.junit),
    'journal.jsonl': renderJournalJsonl(run),
  };
  const files: Record<string, string> = {};
  for (const name of REPORT_FILES) {
    const bytes = Buffer.from(contents[name], 'utf8');
    await writeFile(join(target, name), bytes);
    files[name] = sha256Hex(bytes);
  }
  const evidence = Object.entries(options.evidence ?? {}).filter(([name]) => !(name in files) && name !== CERTIFICATE_FILE && /^[\w.-]+$/.test(name));
  for (const [name, text] of evidence) {
    const bytes = Buffer.from(text, 'utf8');
    await writeFile(join(target, name), bytes);
    files[name] = sha256Hex(bytes);
  }
  const certificate = signManifest(
    {
      files,
      verdict: report.verdict,
      sut: reportSut(run),
      profile: report.profile,
      timing: report.timing,
      suiteVersion: report.suiteVersion,
      startedAt: report.startedAt,
      finishedAt: report.finishedAt,
      signer,
      overrides: report.overrides,
    },
    options.certifier,
  );
  await writeFile(join(target, CERTIFICATE_FILE), `${JSON.stringify(certificate, null, 2)}\n`, 'utf8');
  return { dir: target, files: [...REPORT_FILES, ...evidence.map(([name]) => name), CERTIFICATE_FILE], certificate };
}
