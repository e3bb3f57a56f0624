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
  /** The concurrent run differed and this is the result of running the mutant again alone. */
  rerunAlone: boolean;
}

/** The observed failing set of a run, in catalogue order. */
export function observedFailing(run: RunRecord): string[] {
  return run.cases
    .filter((c) => (c.level === 'required' && c.result === 'fail') || (c.level === 'recommended' && c.result === 'warn'))
    .map((c) => c.id);
}

export function compareWithDeclared(mutant: MutantDefinition, run: RunRecord, rerunAlone = false): MutantExamination {
  const observed = observedFailing(run);
  const declared = new Set(mutant.declaredFailing);
  return {
    mutant,
    observed,
    missed: mutant.declaredFailing.filter((id) => !observed.includes(id)),
    extra: observed.filter((id) => !declared.has(id)),
    errors: run.cases.filter((c) => c.result === 'error').map((c) => c.id),
    run,
    rerunAlone,
  };
}

export type ExamineOptions = Omit<ReferenceRunOptions, 'makeAgency'> & {
  /** Mutant runs at once, each on its own simulator (default 4): most of a run is waiting. */
  concurrency?: number;
  onResult?: (result: MutantExamination) => void;
  /**
   * Runs a mutant whose concurrent run differed from its declaration again, alone, and keeps that
   * result: the declared set is defined for an unloaded run, and a deadline missed because other
   * runs held the CPU is load, not behaviour. A real difference shows again alone.
   */
  confirmAlone?: boolean;
};

const differs = (r: MutantExamination): boolean => r.missed.length > 0 || r.extra.length > 0 || r.errors.length > 0;

/** Runs each mutant (a few at a time) and compares; results in the order of `mutants`. */
export async function examineMutants(mutants: readonly MutantDefinition[], options: ExamineOptions): Promise<MutantExamination[]> {
  const { concurrency = 4, onResult, confirmAlone = false, ...run } = options;
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
  // The first run alone issues the counterparts' certificates into the shared PKI folder: RSA key
  // generation blocks the process for seconds, and concurrent runs would miss their deadlines.
  if (mutants.length > 0) await runNext();
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, mutants.length)) }, worker));
  if (confirmAlone) {
    for (const [at, result] of results.entries()) {
      if (!differs(result)) continue;
      results[at] = compareWithDeclared(result.mutant, await runReferenceSuite({ ...run, makeAgency: result.mutant.make }), true);
      onResult?.(results[at]);
    }
  }
  return results;
}
