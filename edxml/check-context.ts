import type { Finding } from './finding.ts';
import { report, type Rule, type RuleParam } from './rule.ts';
import type { DirectoryRecord } from './types.ts';

/** What the packet checks need from the outside world: allow-listed ids, the directory, the clock. */
export interface CheckContext {
  allowIds: readonly string[];
  directory: readonly DirectoryRecord[];
  now: Date;
}

/** A findings list with the small helpers every check file uses. */
export class Findings {
  readonly list: Finding[] = [];

  add(rule: Rule, path: string, params: Record<string, RuleParam> = {}): void {
    this.list.push(report(rule, path, params));
  }
}
