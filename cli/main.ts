import yargs from 'yargs';
import { CliError, EXIT_USAGE, formatCliError, toYargsModule, type TrucCommand } from './command.ts';
import { commands } from './commands/index.ts';

/** Runs the `truc` command line and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  let parser = yargs(argv)
    .scriptName('truc')
    .usage('truc <lệnh/command> [tuỳ chọn/options]')
    .strict()
    .demandCommand(1, 'Cần một lệnh / A command is required')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((msg, err) => {
      if (err) throw err;
      throw new CliError('CLI-USAGE', msg ?? 'Sai cú pháp lệnh', msg ?? 'Invalid command line');
    });
  for (const cmd of commands as TrucCommand<never>[]) parser = parser.command(toYargsModule(cmd, setExit));
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`${formatCliError(e)}\n`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`truc: [CLI-INTERNAL] Lỗi không mong đợi / Unexpected error: ${message}\n`);
    return EXIT_USAGE;
  }
  return exitCode;
}
