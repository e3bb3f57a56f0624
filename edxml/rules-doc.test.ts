import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { rules } from './rules.ts';

describe('docs/validate.md', () => {
  it('lists every rule of the catalogue with its level and category', async () => {
    const doc = await readFile(new URL('../docs/validate.md', import.meta.url), 'utf8');
    const missing = rules.filter((r) => !doc.includes(`| \`${r.id}\` | ${r.level} | ${r.category} |`)).map((r) => r.id);
    expect(missing).toEqual([]);
  });
});

describe('rule citations', () => {
  it('cite regulations and the project docs, never the working notes under spec/', () => {
    expect(rules.filter((r) => /spec\//.test(r.cite)).map((r) => r.id)).toEqual([]);
  });
});
