// The suite proves itself (docs/conformance.md): the reference agency passes every case of the
// full profile with nothing skipped, and every case id is the declared target of some mutant.
// The mutants' own runs are in reference/mutants/mutants.test.ts.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPkiFolder, type PkiFolder } from '../simulator/pki-folder.ts';
import { CATALOGUE, casesOfProfile } from './catalogue.ts';
import { allCases } from './cases/index.ts';
import { mutants } from './reference/mutants/index.ts';
import type { RunRecord } from './run-record.ts';
import { runReferenceSuite } from './run-suite.ts';
import { resolveTiming } from './timing.ts';

describe('the reference agency against the full profile (ci timing, in-process, memory store)', () => {
  let scratch: string;
  let pki: PkiFolder;
  let run: RunRecord;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'truc-suite-'));
    pki = await openPkiFolder(join(scratch, 'pki'), { create: true });
    run = await runReferenceSuite({ profile: 'full', timing: resolveTiming('ci'), pki });
  }, 180_000);
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('examines every catalogue case, each implemented', () => {
    expect(run.cases.map((c) => c.id)).toEqual(casesOfProfile('full').map((e) => e.id));
    expect(new Set(allCases.map((c) => c.id))).toEqual(new Set(CATALOGUE.map((e) => e.id)));
  });

  it('passes every case: no fail, warn, skip or error', () => {
    const notPassed = run.cases.filter((c) => c.result !== 'pass').map((c) => `${c.id} ${c.result}: ${c.message.en}`);
    expect(notPassed).toEqual([]);
    expect(run.verdict).toBe('conformant');
  });
});

describe('mutants cover the catalogue', () => {
  it('every case id is the target (first declared case) of at least one mutant', () => {
    const targets = new Set(mutants.map((m) => m.declaredFailing[0]));
    expect(CATALOGUE.map((e) => e.id).filter((id) => !targets.has(id))).toEqual([]);
  });

  it('mutant names are unique and each declares known case ids', () => {
    const names = mutants.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    const known = new Set(CATALOGUE.map((e) => e.id));
    expect(mutants.flatMap((m) => m.declaredFailing.filter((id) => !known.has(id)).map((id) => `${m.name}: ${id}`))).toEqual([]);
  });
});
