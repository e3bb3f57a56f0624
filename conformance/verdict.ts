// Verdict rules of docs/conformance.md: only required cases decide. A failure is the SUT's; an
// error or an operator skip is the harness not knowing, which can never certify conformance.
import type { CaseOutcome, Verdict } from './run-record.ts';

export function verdictOf(cases: readonly Pick<CaseOutcome, 'level' | 'result' | 'operatorSkipped'>[]): Verdict {
  const required = cases.filter((c) => c.level === 'required');
  if (required.some((c) => c.result === 'fail')) return 'not-conformant';
  if (required.some((c) => c.result === 'error' || (c.result === 'skip' && c.operatorSkipped))) return 'incomplete';
  return 'conformant';
}

/** Exit code of a run: 0 conformant, 1 not conformant, 2 incomplete. */
export const exitCodeOf = (verdict: Verdict): number => (verdict === 'conformant' ? 0 : verdict === 'not-conformant' ? 1 : 2);
