import type { Argv, CommandModule } from 'yargs';

/** Exit codes shared by every command: 0 ok / conformant, 1 findings / not conformant, 2 usage, I/O, harness. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * A truc command: yargs parses, `run` does the work and returns the exit code. Keeping the code as
 * a return value (not process.exit) lets tests call main() in-process and lets servers close cleanly.
 * Its name and description live in the command list (commands/index.ts), which loads it on use.
 */
export interface TrucCommand<A = Record<string, unknown>> {
  builder: (y: Argv) => Argv<A>;
  run: (args: A) => Promise<number>;
}

/** One line of `truc --help`: the command, what it does, and how to load its module. */
export interface CommandEntry {
  /** yargs command string, e.g. `validate <files..>`; its first word is the command's name. */
  command: string;
  describe: string;
  load: () => Promise<TrucCommand<never>>;
}

export const commandName = (entry: CommandEntry): string => entry.command.split(' ')[0];

export function toYargsModule<A>(entry: CommandEntry, cmd: TrucCommand<A>, setExit: (code: number) => void): CommandModule<object, A> {
  return {
    command: entry.command,
    describe: entry.describe,
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
  if (!e.vi.includes('\n') && !e.en.includes('\n')) return `truc: [${e.code}] ${e.vi} / ${e.en}`;
  return `truc: [${e.code}]\n${e.vi}\n--\n${e.en}`;
}
