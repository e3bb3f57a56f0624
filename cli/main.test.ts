// The command line itself: command list, version, and usage errors said once in Vietnamese and
// English with exit code 2, values refused while parsing (before any server or SUT starts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandName } from './command.ts';
import { commands } from './commands/index.ts';
import { truc } from './testing/run-cli.ts';
import { USAGE_TEMPLATES } from './usage-errors.ts';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The usage error line: `truc: [CODE] vi / en`, or the two-block form for multi-line messages. */
function onlyOnce(err: string, english: string): void {
  expect(err.split(english).length - 1).toBe(1);
}

describe('truc', () => {
  it('lists every command when run bare', async () => {
    const { code, out, err } = await truc();
    expect(code).toBe(0);
    expect(err).toBe('');
    for (const entry of commands) expect(out).toContain(`truc ${entry.command}`);
    expect(out).toContain('Lệnh / Commands:');
  });

  it('prints its version with --version', async () => {
    const { code, out } = await truc('--version');
    expect(code).toBe(0);
    expect(out.trim()).toBe(VERSION);
  });

  it('refuses an unknown command in both languages, once, exit 2, with a suggestion', async () => {
    const { code, out, err } = await truc('servee');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('Lệnh không tồn tại: servee');
    expect(err).toContain('Có phải ý bạn là serve?');
    onlyOnce(err, 'Unknown command: servee');
  });

  it.each([
    [['serve', '--bogus'], 'Tham số không được hỗ trợ: bogus', 'Unknown argument: bogus'],
    [['validate'], 'Thiếu tham số vị trí: có 0, cần ít nhất 1', 'Not enough non-option arguments: got 0, need at least 1'],
    [['pki', 'nothing'], 'Tham số: action, đã cho: "nothing"', 'Argument: action, Given: "nothing"'],
  ])('usage error %j: Vietnamese and English, once, exit 2', async (argv, vi, en) => {
    const { code, err } = await truc(...argv);
    expect(code).toBe(2);
    expect(err).toContain('[CLI-USAGE]');
    expect(err).toContain(vi);
    onlyOnce(err, en);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('has a Vietnamese wording for every error message of yargs (en locale)', () => {
    const yargsDir = dirname(createRequire(import.meta.url).resolve('yargs/package.json'));
    const en = JSON.parse(readFileSync(join(yargsDir, 'locales', 'en.json'), 'utf8')) as Record<string, string | { one: string; other: string }>;
    const help = new Set(['Commands:', 'Options:', 'Examples:', 'Positionals:', 'boolean', 'count', 'string', 'number', 'array', 'required', 'default', 'default:', 'choices:', 'aliases:', 'generated-value', 'Path to JSON config file', 'Show help', 'Show version number', 'command', 'deprecated', 'deprecated: %s']);
    const messages = Object.values(en).flatMap((v, i) => (help.has(Object.keys(en)[i]) ? [] : typeof v === 'string' ? [v] : [v.one, v.other]));
    const translated = new Set(USAGE_TEMPLATES.map(([english]) => english));
    expect(messages.filter((m) => !translated.has(m))).toEqual([]);
  });

  it.each([
    [['serve', '--port', 'abc'], 'CLI-PORT', '--port "abc" không phải cổng hợp lệ', '--port "abc" is not a valid port'],
    [['serve', '--port', '70000'], 'CLI-PORT', '--port "70000" không phải cổng hợp lệ', '--port "70000" is not a valid port'],
    [['reference-agency', '--webhook-port', '-1'], 'CLI-PORT', 'không phải cổng hợp lệ', '--webhook-port "-1" is not a valid port'],
    [['serve', '--memory', '--system', 'garbage=s3cret'], 'CLI-AGENCY-CODE', 'không phải mã định danh cơ quan hợp lệ', '--system "garbage" is not a valid agency identifier'],
    [['certify', '--serve', '--sut-code', 'garbage'], 'CLI-AGENCY-CODE', '--sut-code "garbage" không phải mã định danh', '--sut-code "garbage" is not a valid agency identifier'],
    [['certify', '--serve', '--sut-code', '000.00.00.G22', '--driver', 'in-process'], 'CERTIFY-DRIVER', 'chỉ dùng với truc demo', 'The in-process driver is only for truc demo'],
    [['certify', '--serve', '--sut-code', '000.00.00.G22', '--driver', 'webhook:http://127.0.0.1:1/'], 'CERTIFY-DRIVER', 'cần --webhook-token', 'needs --webhook-token'],
  ])('refuses %j before anything starts', async (argv, code, vi, en) => {
    const result = await truc(...argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain(`[${code}]`);
    expect(result.err).toContain(vi);
    onlyOnce(result.err, en);
  });

  it('accepts allow-listed test ids and QĐ 20 codes as system codes', async () => {
    const { checkAgencyCode } = await import('./options.ts');
    expect(checkAgencyCode('system', 'vxp.saas.02', ['vxp.saas.02'])).toBe('vxp.saas.02');
    expect(checkAgencyCode('system', 'H41.12', [])).toBe('H41.12');
    expect(() => checkAgencyCode('system', 'vxp.saas.02', [])).toThrow(/not a valid agency identifier/);
  });

  it('names each command once in the list', () => {
    const names = commands.map(commandName);
    expect(new Set(names).size).toBe(names.length);
  });
});
