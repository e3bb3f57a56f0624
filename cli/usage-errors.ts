// yargs reports usage errors in English only. truc runs it in its English locale and turns each
// message line back into its template, so the same facts are said in Vietnamese and English once.
import { CliError } from './command.ts';

/** Every error template of yargs' en locale (locales/en.json), with its Vietnamese wording. */
export const USAGE_TEMPLATES: readonly (readonly [en: string, vi: string])[] = [
  ['Not enough non-option arguments: got %s, need at least %s', 'Thiếu tham số vị trí: có %s, cần ít nhất %s'],
  ['Too many non-option arguments: got %s, maximum of %s', 'Thừa tham số vị trí: có %s, nhiều nhất %s'],
  ['Missing argument value: %s', 'Thiếu giá trị của tham số: %s'],
  ['Missing argument values: %s', 'Thiếu giá trị của các tham số: %s'],
  ['Missing required argument: %s', 'Thiếu tham số bắt buộc: %s'],
  ['Missing required arguments: %s', 'Thiếu các tham số bắt buộc: %s'],
  ['Unknown argument: %s', 'Tham số không được hỗ trợ: %s'],
  ['Unknown arguments: %s', 'Các tham số không được hỗ trợ: %s'],
  ['Unknown command: %s', 'Lệnh không tồn tại: %s'],
  ['Unknown commands: %s', 'Các lệnh không tồn tại: %s'],
  ['Invalid values:', 'Giá trị không hợp lệ:'],
  ['Argument: %s, Given: %s, Choices: %s', 'Tham số: %s, đã cho: %s, được chọn: %s'],
  ['Argument check failed: %s', 'Kiểm tra tham số không đạt: %s'],
  ['Missing dependent arguments:', 'Thiếu tham số đi kèm:'],
  ['Not enough arguments following: %s', 'Thiếu giá trị sau: %s'],
  ['Invalid JSON config file: %s', 'Tệp cấu hình JSON không hợp lệ: %s'],
  ['Did you mean %s?', 'Có phải ý bạn là %s?'],
  ['Arguments %s and %s are mutually exclusive', 'Không dùng cùng lúc %s và %s'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MATCHERS = USAGE_TEMPLATES.map(([en, vi]) => ({ re: new RegExp(`^${en.split('%s').map(escape).join('(.*)')}$`), vi }));

/** The Vietnamese of one English yargs line; lines that are only data (`a -> b`) stay as they are. */
function toVietnamese(line: string): string {
  const indent = /^\s*/.exec(line)![0];
  const text = line.trim();
  for (const { re, vi } of MATCHERS) {
    const m = re.exec(text);
    if (!m) continue;
    let i = 1;
    return indent + vi.replace(/%s/g, () => m[i++] ?? '');
  }
  return line;
}

/** A yargs failure message as the CLI's one bilingual usage error (exit 2). */
export function usageError(english: string): CliError {
  const lines = english.split('\n').filter((l) => l.trim() !== '');
  const vi = lines.map(toVietnamese).join('\n');
  return new CliError('CLI-USAGE', vi, lines.join('\n'));
}
