// Values shared by several commands, checked while the command line is parsed (before anything
// starts), each failure one bilingual sentence with a stable code.
import { classifyOrganId } from '../edxml/identifiers.ts';
import { CliError } from './command.ts';

/**
 * yargs rethrows an error from a `coerce` function as a new error carrying only its message: the
 * refused values are kept here by message so that the CLI prints the original bilingual error.
 */
const refused = new Map<string, CliError>();

function refuse(error: CliError): never {
  refused.set(error.message, error);
  throw error;
}

/** The bilingual error behind a yargs error raised by one of these checks, if it was one. */
export const refusedOption = (e: Error): CliError | undefined => refused.get(e.message);

/** A TCP port 0–65535 (0: any free port), as typed or as a JSON number from a config file. */
export function portValue(flag: string) {
  return (value: unknown): number => {
    const text = String(value).trim();
    if (/^\d{1,5}$/.test(text) && Number(text) <= 65535) return Number(text);
    refuse(new CliError('CLI-PORT', `--${flag} "${text}" không phải cổng hợp lệ (số nguyên 0–65535).`, `--${flag} "${text}" is not a valid port (an integer 0–65535).`));
  };
}

/**
 * A connected system's code: an agency identifier in one of the forms of QCVN 102:2016 / QĐ 20/2020
 * (or an enterprise tax code, the Z form), or one of the allow-listed test ids.
 */
export function checkAgencyCode(flag: string, code: string, allowIds: readonly string[]): string {
  if (classifyOrganId(code, allowIds) !== 'invalid') return code;
  refuse(
    new CliError(
      'CLI-AGENCY-CODE',
    `--${flag} "${code}" không phải mã định danh cơ quan hợp lệ (ví dụ 000.00.00.G22, H41.12).`,
      `--${flag} "${code}" is not a valid agency identifier (e.g. 000.00.00.G22, H41.12).`,
    ),
  );
}
