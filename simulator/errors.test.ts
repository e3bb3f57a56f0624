import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AXIS_ERRORS } from './errors.ts';

describe('the error table', () => {
  const codes = Object.values(AXIS_ERRORS).map((e) => e.code);

  it('has unique codes and ASCII-only texts', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of Object.values(AXIS_ERRORS)) expect(e.desc).toMatch(/^[\x20-\x7e]+$/);
  });

  it('is documented row by row in docs/axis.md', () => {
    const doc = readFileSync(new URL('../docs/axis.md', import.meta.url), 'utf8');
    for (const e of Object.values(AXIS_ERRORS)) expect(doc).toContain(`| \`${e.code}\` | \`${e.desc}\` | ${e.http} |`);
  });
});
