// `truc demo`: the whole job on embedded defaults — the simulator in this process, the reference
// agency as the SUT, the full profile with ci timing — then the run folder and the verdict. The
// README's first command. The axis keeps its embedded PGlite store in a scratch folder, as `truc
// serve` does; `--store memory` skips the database for a quicker look.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asCliError, CliError, type TrucCommand } from '../command.ts';
import { RUN_PROFILES, type RunProfile } from '../../conformance/catalogue.ts';
import { createProgressReporter } from '../../conformance/progress.ts';
import { assertOutputDirFree } from '../../conformance/report/write-run-outputs.ts';
import { runReferenceSuite, writeRun } from '../../conformance/run-suite.ts';
import { resolveTiming } from '../../conformance/timing.ts';
import { exitCodeOf } from '../../conformance/verdict.ts';
import { openPkiFolder } from '../../simulator/pki-folder.ts';
import { openEmbeddedStore } from '../../simulator/store/sql/open.ts';
import { printRunSummary } from './run-summary.ts';

interface DemoArgs {
  out?: string;
  profile: string;
  store: 'memory' | 'embedded';
  parallelTriggers: number;
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const demoCommand: TrucCommand<DemoArgs> = {
  builder: (y) =>
    y
      .option('out', { type: 'string', describe: 'thư mục kết quả / output folder (./truc-runs/<yyyyMMdd-HHmmss>)' })
      .option('profile', { type: 'string', default: 'full', describe: `hồ sơ / profile (${RUN_PROFILES.join(', ')})` })
      .option('store', { choices: ['memory', 'embedded'], default: 'embedded', describe: 'kho của trục / axis store (embedded = PGlite)' })
      .option('parallel-triggers', { type: 'number', default: 1, describe: 'số lệnh kích hoạt cùng lúc / triggers given to the agency at once' }) as never,
  run: async (args) => {
    if (!RUN_PROFILES.includes(args.profile as RunProfile)) {
      throw new CliError('DEMO-PROFILE', `Hồ sơ không hợp lệ: ${args.profile} (${RUN_PROFILES.join(', ')}).`, `Unknown profile: ${args.profile} (${RUN_PROFILES.join(', ')}).`);
    }
    if (!Number.isInteger(args.parallelTriggers) || args.parallelTriggers < 1) {
      throw new CliError('DEMO-PARALLEL-TRIGGERS', '--parallel-triggers phải là số nguyên dương.', '--parallel-triggers must be a positive integer.');
    }
    // A taken output folder is said before the run, not after a minute of work.
    if (args.out !== undefined) {
      try {
        await assertOutputDirFree(args.out);
      } catch (e) {
        throw asCliError(e, 'DEMO-OUT');
      }
    }
    // Everything the demo needs besides its outputs lives in a scratch folder removed at the end.
    const scratch = await mkdtemp(join(tmpdir(), 'truc-demo-'));
    try {
      const pki = await openPkiFolder(join(scratch, 'pki'), { create: true });
      let store;
      try {
        store = args.store === 'embedded' ? await openEmbeddedStore(scratch) : undefined;
      } catch (e) {
        throw new CliError('DEMO-STORE', 'Không mở được kho dữ liệu nhúng.', `Cannot open the embedded store (${reason(e)}).`);
      }
      try {
        const run = await runReferenceSuite({
          profile: args.profile as RunProfile,
          timing: resolveTiming('ci'),
          pki,
          store,
          parallelTriggers: args.parallelTriggers,
          progress: createProgressReporter(process.stdout),
        });
        const outputs = await writeRun(run, { dir: args.out, pki });
        printRunSummary(run, outputs.dir);
        return exitCodeOf(run.verdict);
      } catch (e) {
        throw asCliError(e, 'DEMO-HARNESS');
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  },
};
