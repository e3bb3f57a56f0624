import { describe, expect, it } from 'vitest';
import { classifyOrganId, resolveAgency, sameAgency } from './identifiers.ts';
import type { DirectoryRecord } from './types.ts';

describe('classifyOrganId', () => {
  it.each([
    ['000.00.00.G22', 'qcvn102'],
    ['000.00.11.H53', 'qcvn102'],
    ['G12', 'qd20'],
    ['H29.10.AB3', 'qd20'],
    ['020100107370', 'enterprise'],
    ['0100107370-001', 'enterprise'],
    ['Z01ABC.12', 'z'],
  ])('%s is %s', (code, form) => {
    expect(classifyOrganId(code)).toBe(form);
  });

  it.each(['28.22.H17', '01.02.G22', '999.010.01.H22', 'vxp.saas.02', '00.22.W00', '02.29.W00', '', 'g12', 'Z1', `G12.${'A'.repeat(32)}`, '123456789'])(
    '%s is invalid',
    (code) => {
      expect(classifyOrganId(code)).toBe('invalid');
    },
  );

  it('admits test and relay ids only through the allow-list', () => {
    expect(classifyOrganId('vxp.saas.02', ['vxp.saas.02'])).toBe('allowed');
    expect(classifyOrganId('00.22.W00', ['vxp.saas.02'])).toBe('invalid');
  });
});

describe('directory mapping', () => {
  const record = (id: string, code: string, code102?: string, deleted = false): DirectoryRecord => ({ id, code, code102, name: id, version: 1, deleted });
  const directory = [record('1', 'G12', '000.00.00.G12'), record('2', 'H29.01', '000.00.01.H29'), record('3', 'H29.02', '000.00.02.H29', true)];

  it('resolves either form to the same record', () => {
    expect(resolveAgency('000.00.01.H29', directory)?.id).toBe('2');
    expect(resolveAgency('H29.01', directory)?.id).toBe('2');
    expect(resolveAgency('H99', directory)).toBeUndefined();
  });

  it('tells when two codes name one agency', () => {
    expect(sameAgency('H29.01', '000.00.01.H29', directory)).toBe(true);
    expect(sameAgency('H29.01', '000.00.00.G12', directory)).toBe(false);
    // Level-1-only codes match structurally, directory or not.
    expect(sameAgency('G22', '000.00.00.G22', [])).toBe(true);
    expect(sameAgency('G22', '000.00.01.G22', [])).toBe(false);
  });
});
