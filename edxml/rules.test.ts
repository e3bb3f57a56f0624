import { describe, expect, it } from 'vitest';
import { rules } from './rules.ts';

const CATEGORIES = ['xml', 'structure', 'identifier', 'date', 'attachment', 'signature', 'status', 'business'];
const PREFIX: Record<string, string> = {
  xml: 'XML', structure: 'STRUCT', identifier: 'ID', date: 'DATE', attachment: 'ATT', signature: 'SIG', status: 'STATUS', business: 'BUS',
};

describe('rule catalogue', () => {
  it('has unique, well-formed ids whose prefix names the category', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(CATEGORIES, r.id).toContain(r.category);
      expect(r.id, r.id).toMatch(new RegExp(`^EDXML-${PREFIX[r.category]}-\\d{3}$`));
    }
  });

  it('gives every rule a level, a Vietnamese and an English sentence, and a citation', () => {
    for (const r of rules) {
      expect(['error', 'warning', 'note'], r.id).toContain(r.level);
      expect(r.message.vi.trim().length, r.id).toBeGreaterThan(10);
      expect(r.message.en.trim().length, r.id).toBeGreaterThan(10);
      expect(r.message.vi, r.id).not.toBe(r.message.en);
      expect(r.cite.trim().length, r.id).toBeGreaterThan(5);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const r of rules) expect(holes(r.message.vi), r.id).toEqual(holes(r.message.en));
  });
});
