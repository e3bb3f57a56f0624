import { describe, expect, it } from 'vitest';
import { CATALOGUE, casesOfProfile, catalogueEntry } from './catalogue.ts';

// The ids and levels of docs/conformance.md's catalogue tables (R = required, W = recommended).
const SPEC: Record<string, string> = {
  T: 'RRRRRW',
  R: 'RRRRRRRRRWR',
  S: 'RRWRWRRW',
  ST: 'RRRRRRR',
  I: 'RRWRW',
  SG: 'RRRRRRR',
  B: 'RRRRRR',
  F: 'RRRRW',
};

describe('catalogue', () => {
  it('holds exactly the spec ids with the spec levels', () => {
    const expected = Object.entries(SPEC).flatMap(([prefix, levels]) =>
      [...levels].map((l, i) => [`${prefix}-${String(i + 1).padStart(2, '0')}`, l === 'R' ? 'required' : 'recommended']),
    );
    expect(CATALOGUE.map((e) => [e.id, e.level])).toEqual(expected);
  });

  it('gives every case bilingual titles and a requirement', () => {
    for (const e of CATALOGUE) {
      expect(e.title.vi.length, e.id).toBeGreaterThan(5);
      expect(e.title.en.length, e.id).toBeGreaterThan(5);
      expect(e.title.vi, e.id).not.toBe(e.title.en);
      expect(e.requirement.source && e.requirement.article, e.id).toBeTruthy();
    }
  });

  it('splits the profiles as the spec does, full being all three', () => {
    expect(casesOfProfile('business').map((e) => e.id)).toEqual(['B-01', 'B-02', 'B-03', 'B-04', 'B-05', 'B-06']);
    expect(casesOfProfile('resilience').every((e) => e.id.startsWith('F-'))).toBe(true);
    expect(casesOfProfile('core')).toHaveLength(44);
    expect(casesOfProfile('full')).toHaveLength(CATALOGUE.length);
    expect(catalogueEntry('SG-04')?.profile).toBe('core');
    expect(catalogueEntry('X-01')).toBeUndefined();
  });
});
