import type { Argv, CommandModule } from 'yargs';

/** Exit codes shared by every command: 0 ok / conformant, 1 findings / not conformant, 2 usage, I/O, harness. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * A truc command: yargs parses, `run` does the work and returns the exit code. Keeping the code as
 * a return value (not process.exit) lets tests call main() in-process and lets servers close cleanly.
 */
export interface TrucCommand<A = Record<string, unknown>> {
  command: string | string[];
  describe: string;
  builder: (y: Argv) => Argv<A>;
  run: (args: A) => Promise<number>;
}

export function toYargsModule<A>(cmd: TrucCommand<A>, setExit: (code: number) => void): CommandModule<object, A> {
  return {
    command: cmd.command,
    describe: cmd.describe,
    builder: cmd.builder as unknown as CommandModule<object, A>['builder'],
    handler: async (args) => {
      setExit(await cmd.run(args as unknown as A));
    },
  };
}

/** An error a command reports as one bilingual sentence with a stable code, never a stack trace. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    readonly vi: string,
    readonly en: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(`${code}: ${en}`);
  }
}

/** Library errors carry `{code, vi, en}`: shown as the CLI's one bilingual sentence; anything else under `fallbackCode`. */
export function asCliError(e: unknown, fallbackCode: string): CliError {
  if (e instanceof CliError) return e;
  if (e && typeof e === 'object' && 'code' in e && 'vi' in e && 'en' in e) {
    const { code, vi, en } = e as { code: unknown; vi: unknown; en: unknown };
    if (typeof code === 'string' && typeof vi === 'string' && typeof en === 'string') return new CliError(code, vi, en);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new CliError(fallbackCode, `Lỗi bộ kiểm thử: ${detail}`, `Harness error: ${detail}`);
}

export function formatCliError(e: CliError): string {
  return `truc: [${e.code}] ${e.vi} / ${e.en}`;
}
