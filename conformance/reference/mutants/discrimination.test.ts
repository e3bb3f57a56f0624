import { describe, expect, it } from 'vitest';
import { discrimination, discriminationLines } from './discrimination.ts';

describe('discrimination figures', () => {
  it('counts a case isolated only when one mutant fails it and nothing else', () => {
    const d = discrimination(['A', 'B', 'C', 'D'], [
      { name: 'm1', failing: ['A'] },
      { name: 'm2', failing: ['B', 'C'] },
      { name: 'm3', failing: ['C'] },
      { name: 'm4', failing: [] },
    ]);
    expect(d.isolated).toEqual(['A', 'C']);
    expect(d.notIsolated).toEqual(['B', 'D']);
    expect(d.uncaught).toEqual(['D']);
    expect(d.mutantsPerCase.get('C')).toEqual(['m2', 'm3']);
    const lines = discriminationLines(d, 4);
    expect(lines[0]).toContain('2/4');
    expect(lines[2]).toContain('min 0');
    expect(lines[2]).toContain('max 2');
    expect(lines[3]).toBe('A:1 B:1 C:2 D:0');
  });
});
