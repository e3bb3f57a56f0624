import { describe, expect, it } from 'vitest';
import { exitCodeOf, verdictOf } from './verdict.ts';

const c = (level: 'required' | 'recommended', result: 'pass' | 'fail' | 'warn' | 'skip' | 'error', operatorSkipped = false) => ({
  level,
  result,
  operatorSkipped,
});

describe('verdict', () => {
  it('is conformant when every required case passed or warned, whatever the recommended ones did', () => {
    expect(verdictOf([c('required', 'pass'), c('required', 'warn'), c('recommended', 'error'), c('required', 'skip')])).toBe('conformant');
  });

  it('is not conformant as soon as a required case failed, even beside errors', () => {
    expect(verdictOf([c('required', 'error'), c('required', 'fail')])).toBe('not-conformant');
  });

  it('is incomplete when a required case errored or the operator skipped it', () => {
    expect(verdictOf([c('required', 'pass'), c('required', 'error')])).toBe('incomplete');
    expect(verdictOf([c('required', 'pass'), c('required', 'skip', true)])).toBe('incomplete');
    expect(verdictOf([c('recommended', 'skip', true)])).toBe('conformant');
  });

  it('maps verdicts to the run exit codes', () => {
    expect([exitCodeOf('conformant'), exitCodeOf('not-conformant'), exitCodeOf('incomplete')]).toEqual([0, 1, 2]);
  });
});
