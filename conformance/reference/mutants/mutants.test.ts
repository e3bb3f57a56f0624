// Each mutant's observed failing set (required cases ending fail + recommended cases ending warn)
// equals its declared set on its first run: a missed defect and collateral noise are both caught.
// Mutants run a few at a time, each on its own in-process simulator with a memory store; most of a run is
// waiting (deadlines, the resilience faults, the settle window), so concurrency is cheap.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPkiFolder } from '../../../simulator/pki-folder.ts';
import { resolveTiming } from '../../timing.ts';
import { examineMutants, type MutantExamination } from './examine.ts';
import { mutants } from './index.ts';

/** The demo's timing (ci: 5 s responses, 2 s settle): a mutant is judged as a vendor would be. */
const MUTANT_TIMING = resolveTiming('ci');

describe('mutants: observed failing set equals the declared one', () => {
  let scratch: string;
  const results = new Map<string, MutantExamination>();

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'truc-mutants-'));
    const pki = await openPkiFolder(join(scratch, 'pki'), { create: true });
    // Concurrently, once each: the first result is the result (no rerun).
    for (const r of await examineMutants(mutants, { profile: 'full', timing: MUTANT_TIMING, pki, concurrency: 4 })) results.set(r.mutant.name, r);
  }, 1_800_000);
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it.each(mutants.map((m) => [m.name]))('%s', (name) => {
    const r = results.get(name)!;
    expect({ errors: r.errors, missed: r.missed, extra: r.extra }).toEqual({ errors: [], missed: [], extra: [] });
  });
});
