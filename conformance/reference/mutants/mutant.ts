// A mutant is the reference agency with exactly one deliberate defect: a subclass overriding one
// behaviour method. Each declares the cases it must fail — its target plus the cases that
// necessarily share the behaviour — and the suite test checks the observed set equals it, so both
// a defect the suite misses and collateral noise are caught (docs/conformance.md, "The suite
// proves itself").
import type { LocalizedText } from '../../../edxml/finding.ts';
import type { ReferenceAgency, ReferenceAgencyOptions } from '../agency.ts';

export interface MutantDefinition {
  /** Short kebab-case name, e.g. `no-ack`. */
  name: string;
  /** The one defect, in one sentence per language. */
  defect: LocalizedText;
  make(options: ReferenceAgencyOptions): ReferenceAgency;
  /**
   * Case ids the mutant must fail: required cases ending `fail` plus recommended cases ending
   * `warn`. Its target first, then the cases that necessarily depend on the same behaviour.
   */
  declaredFailing: string[];
}
