// Wiring of a whole run: the reference agency as SUT on an embedded simulator (`truc demo`, the
// suite's own tests, `npm run mutants`, the benchmark), and the output folder of any run.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CaseDefinition } from './case.ts';
import type { RunProfile } from './catalogue.ts';
import { allCases } from './cases/index.ts';
import { createInProcessDriver } from './drivers/in-process.ts';
import { runTrust, startEmbeddedSimulator } from './embedded-simulator.ts';
import type { ProgressReporter } from './progress.ts';
import { ReferenceAgency, type ReferenceAgencyOptions } from './reference/agency.ts';
import { referenceSigning } from './reference/signing.ts';
import { certifierFromTestPki, type Certifier } from './report/certifier.ts';
import type { JunitOptions } from './report/junit.ts';
import { writeRunOutputs, type RunOutputs } from './report/write-run-outputs.ts';
import type { RunRecord } from './run-record.ts';
import { newRunId } from './run-id.ts';
import { counterpartsOf, runSuite } from './runner.ts';
import { inProcessAxisPort } from './simulator-port.ts';
import { SUITE_VERSION } from './suite-version.ts';
import type { Timing } from './timing.ts';
import type { PkiFolder } from '../simulator/pki-folder.ts';
import type { Axis } from '../simulator/axis.ts';
import type { Store } from '../simulator/store/types.ts';

/** The reference agency's identity in demo runs: a province People's Committee of the seeded directory. */
export const REFERENCE_SUT = { code: '000.00.00.H41', name: 'Ủy ban nhân dân tỉnh Nghệ An' } as const;

export interface ReferenceRunOptions {
  profile: RunProfile;
  timing: Timing;
  pki: PkiFolder;
  /** Builds the SUT: the reference agency by default, a mutant in the suite's own tests. */
  makeAgency?: (options: ReferenceAgencyOptions) => ReferenceAgency;
  /** Default: in memory. */
  store?: Store;
  cases?: readonly CaseDefinition[];
  /** Only these cases of the profile (re-runs). */
  only?: readonly string[];
  progress?: ProgressReporter;
  concurrency?: number;
  /** Triggers given to the reference agency at once (default 1). */
  parallelTriggers?: number;
  /** Ends the run early with a partial report (Ctrl-C). */
  interrupt?: AbortSignal;
  /** Lines the agency logs (default: dropped). */
  log?: (line: string) => void;
}

/** Runs the profile against a reference agency (or a mutant) on a fresh embedded simulator. */
export async function runReferenceSuite(options: ReferenceRunOptions): Promise<RunRecord> {
  const { axis, secret } = await startEmbeddedSimulator({ pki: options.pki, store: options.store, sut: { code: REFERENCE_SUT.code } });
  try {
    return await runReferenceOnAxis(axis, { ...options, runId: newRunId(), code: REFERENCE_SUT.code, name: REFERENCE_SUT.name, secret });
  } finally {
    await axis.close();
  }
}

export interface ReferenceOnAxisOptions extends Omit<ReferenceRunOptions, 'store'> {
  runId: string;
  /** The systemid the reference agency connects as, its secret and its directory name. */
  code: string;
  secret: string;
  name: string;
}

/** Runs the profile against a reference agency connected to `axis` (an embedded one, or `truc serve`'s for a console demo run). */
export async function runReferenceOnAxis(axis: Axis, options: ReferenceOnAxisOptions): Promise<RunRecord> {
  const port = await inProcessAxisPort(axis, { runId: options.runId, sutCode: options.code, agencies: counterpartsOf(options.cases ?? allCases) });
  const make = options.makeAgency ?? ((o: ReferenceAgencyOptions) => new ReferenceAgency(o));
  const agency = make({
    axis: { baseUrl: 'http://truc.local', fetch: (request) => axis.app.request(request) },
    code: options.code,
    secret: options.secret,
    name: options.name,
    trust: () => runTrust(options.pki),
    signing: await referenceSigning(options.pki, options.code, options.name),
    log: options.log,
  });
  try {
    await agency.start();
    return await runSuite({
      runId: options.runId,
      profile: options.profile,
      timing: options.timing,
      sut: { code: options.code, name: options.name, software: 'truc reference agency', version: SUITE_VERSION },
      cases: options.cases ?? allCases,
      only: options.only,
      port,
      driver: createInProcessDriver(agency.handleTrigger),
      suiteVersion: SUITE_VERSION,
      pki: options.pki,
      progress: options.progress,
      concurrency: options.concurrency,
      parallelTriggers: options.parallelTriggers,
      interrupt: options.interrupt,
    });
  } finally {
    await agency.stop();
    await port.close();
  }
}

/** Writes the run folder (`dir` or the default timestamped one) and the extra JUnit copy if asked. */
export async function writeRun(
  run: RunRecord,
  options: { dir?: string; junit?: string; junitOptions?: JunitOptions; certifier?: Certifier; pki: PkiFolder; evidence?: Record<string, string> },
): Promise<RunOutputs> {
  const outputs = await writeRunOutputs(options.dir, run, { certifier: options.certifier ?? certifierFromTestPki(options.pki.pki), junit: options.junitOptions, evidence: options.evidence });
  if (options.junit) {
    await mkdir(dirname(options.junit), { recursive: true });
    await copyFile(`${outputs.dir}/junit.xml`, options.junit);
  }
  return outputs;
}
