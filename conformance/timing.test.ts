import { describe, expect, it } from 'vitest';
import { TimingError, resolveTiming } from './timing.ts';

describe('timing profiles', () => {
  it('ci answers in 5 s and settles in 2 s', () => {
    expect(resolveTiming('ci')).toEqual({ profile: 'ci', responseSeconds: 5, settleSeconds: 2 });
  });

  it('certification waits minutes, and explicit values override either field', () => {
    const cert = resolveTiming('certification');
    expect(cert.responseSeconds).toBeGreaterThanOrEqual(60);
    expect(resolveTiming('certification', { responseSeconds: 86_400 })).toEqual({ ...cert, responseSeconds: 86_400 });
    expect(resolveTiming('ci', { settleSeconds: 0.5 }).settleSeconds).toBe(0.5);
  });

  it('refuses unknown profiles and non-positive values with a stable error', () => {
    expect(() => resolveTiming('fast')).toThrow(TimingError);
    expect(() => resolveTiming('ci', { responseSeconds: 0 })).toThrow(TimingError);
    expect(() => resolveTiming('ci', { settleSeconds: Number.NaN })).toThrow(TimingError);
  });
});
