import { describe, expect, it } from 'vitest';
import { isUnitOf } from './hierarchy.ts';

describe('isUnitOf', () => {
  it.each([
    ['000.00.05.H41', '000.00.00.H41', true],
    ['000.03.05.H41', '000.00.05.H41', true],
    ['000.03.05.H41', '000.00.00.H41', true],
    ['000.00.00.H41', '000.00.00.H41', false],
    ['000.00.05.H53', '000.00.00.H41', false],
    ['000.00.06.H41', '000.00.05.H41', false],
    ['000.00.00.H41', '000.00.05.H41', false],
    ['H41.05', 'H41', true],
    ['H41.05.01', 'H41.05', true],
    ['H410', 'H41', false],
    ['H53.01', 'H41', false],
    ['vxp.saas.02', '000.00.00.H41', false],
    ['vxp.saas.02.01', 'vxp.saas.02', false],
    ['00.22.W00', '000.00.00.W00', false],
  ])('%s under %s: %s', (unit, agency, expected) => {
    expect(isUnitOf(unit, agency)).toBe(expected);
  });
});
