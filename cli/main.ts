import yargs from 'yargs';
import { SUITE_VERSION } from '../conformance/suite-version.ts';
import { CliError, commandName, EXIT_OK, EXIT_USAGE, formatCliError, toYargsModule } from './command.ts';
import { commands } from './commands/index.ts';
import { refusedOption } from './options.ts';
import { usageError } from './usage-errors.ts';

/** The help's own words, bilingual like the command descriptions (error messages: usage-errors.ts). */
const HELP_STRINGS = {
  'Commands:': 'Lệnh / Commands:',
  'Options:': 'Tuỳ chọn / Options:',
  'Positionals:': 'Tham số vị trí / Positionals:',
  'Show help': 'Trợ giúp / Show help',
  'Show version number': 'Phiên bản / Show version number',
  'default:': 'mặc định / default:',
  'choices:': 'lựa chọn / choices:',
  'required': 'bắt buộc / required',
};

/** Runs the `truc` command line and resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const setExit = (code: number) => {
    exitCode = code;
  };
  // The first word that is not an option names the command (truc itself takes no option values).
  const named = argv.find((a) => !a.startsWith('-'));
  const chosen = commands.find((c) => commandName(c) === named);
  let parser = yargs(argv)
    .scriptName('truc')
    .locale('en')
    .updateStrings(HELP_STRINGS)
    .usage('truc <lệnh/command> [tuỳ chọn/options]')
    .strict()
    .demandCommand(1, 1)
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(SUITE_VERSION)
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((msg, err) => {
      if (err) throw refusedOption(err) ?? err;
      const english = msg ?? 'Invalid command line';
      throw usageError(named !== undefined && !chosen && !english.includes(named) ? `Unknown command: ${named}\n${english}` : english);
    });
  try {
    for (const entry of commands) {
      parser = entry === chosen ? parser.command(toYargsModule(entry, await entry.load(), setExit)) : parser.command(entry.command, entry.describe);
    }
    if (argv.length === 0) {
      parser.showHelp('log');
      return EXIT_OK;
    }
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
