// Runs mutants through the suite and compares what each one fails with what it declares
// (docs/conformance.md, "The suite proves itself"). Shared by the suite test and `npm run mutants`.
import type { RunRecord } from '../../run-record.ts';
import { REFERENCE_SUT, runReferenceSuite, type ReferenceRunOptions } from '../../run-suite.ts';
import { referenceSigning } from '../signing.ts';
import type { MutantDefinition } from './mutant.ts';

export interface MutantExamination {
  mutant: MutantDefinition;
  /** Required cases ending `fail` plus recommended cases ending `warn`. */
  observed: string[];
  /** Declared but not observed: a defect the suite missed. */
  missed: string[];
  /** Observed but not declared: collateral noise. */
  extra: string[];
  /** Cases the harness could not run (never expected of a mutant). */
  errors: string[];
  run: RunRecord;
}

/** The observed failing set of a run, in catalogue order. */
export function observedFailing(run: RunRecord): string[] {
  return run.cases
    .filter((c) => (c.level === 'required' && c.result === 'fail') || (c.level === 'recommended' && c.result === 'warn'))
    .map((c) => c.id);
}

export function compareWithDeclared(mutant: MutantDefinition, run: RunRecord): MutantExamination {
  const observed = observedFailing(run);
  const declared = new Set(mutant.declaredFailing);
  return {
    mutant,
    observed,
    missed: mutant.declaredFailing.filter((id) => !observed.includes(id)),
    extra: observed.filter((id) => !declared.has(id)),
    errors: run.cases.filter((c) => c.result === 'error').map((c) => c.id),
    run,
  };
}

export type ExamineOptions = Omit<ReferenceRunOptions, 'makeAgency'> & {
  /** Mutant runs at once, each on its own simulator (default 4): most of a run is waiting. */
  concurrency?: number;
  onResult?: (result: MutantExamination) => void;
};

/**
 * Runs each mutant (a few at a time) and compares; results in the order of `mutants`. Each
 * mutant runs once: a verdict that changes with the load beside it is a defect of the suite to
 * fix, never a result to retry (`npm run stability -- --mutants` finds such cases).
 */
export async function examineMutants(mutants: readonly MutantDefinition[], options: ExamineOptions): Promise<MutantExamination[]> {
  const { concurrency = 4, onResult, ...run } = options;
  // Issue the reference agency's certificates once, before runs share the PKI folder.
  await referenceSigning(run.pki, REFERENCE_SUT.code, REFERENCE_SUT.name);
  const results: MutantExamination[] = new Array(mutants.length);
  let next = 0;
  const runNext = async () => {
    const at = next++;
    const mutant = mutants[at];
    const record = await runReferenceSuite({ ...run, makeAgency: mutant.make });
    results[at] = compareWithDeclared(mutant, record);
    onResult?.(results[at]);
  };
  const worker = async () => {
    while (next < mutants.length) await runNext();
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, mutants.length)) }, worker));
  return results;
}
