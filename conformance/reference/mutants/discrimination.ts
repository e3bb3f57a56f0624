// How sharply the mutants tell the cases apart: a case is isolated when some mutant fails it and
// nothing else (that one defect is caught by that one case alone); mutants per case says how many
// defects each case catches. Computed from failing sets, observed or declared.
export interface Discrimination {
  /** Cases some mutant fails alone, in catalogue order. */
  isolated: string[];
  /** Cases no mutant fails alone. */
  notIsolated: string[];
  /** Per case, the mutants whose failing set contains it. */
  mutantsPerCase: Map<string, string[]>;
  /** Cases no mutant fails at all. */
  uncaught: string[];
}

export function discrimination(caseIds: readonly string[], failing: readonly { name: string; failing: readonly string[] }[]): Discrimination {
  const alone = new Set(failing.filter((m) => m.failing.length === 1).map((m) => m.failing[0]));
  const mutantsPerCase = new Map(caseIds.map((id) => [id, failing.filter((m) => m.failing.includes(id)).map((m) => m.name)]));
  return {
    isolated: caseIds.filter((id) => alone.has(id)),
    notIsolated: caseIds.filter((id) => !alone.has(id)),
    mutantsPerCase,
    uncaught: caseIds.filter((id) => (mutantsPerCase.get(id) ?? []).length === 0),
  };
}

/** The figures as `npm run mutants` prints them, one line per figure. */
export function discriminationLines(d: Discrimination, total: number): string[] {
  const counts = [...d.mutantsPerCase.values()].map((m) => m.length).sort((a, b) => a - b);
  const median = counts.length ? counts[Math.floor((counts.length - 1) / 2)] : 0;
  const perCase = [...d.mutantsPerCase.entries()].map(([id, m]) => `${id}:${m.length}`).join(' ');
  return [
    `Ca được cô lập bởi một đột biến chỉ làm hỏng riêng ca đó / cases isolated by a single-case mutant: ${d.isolated.length}/${total}`,
    `Chưa cô lập / not isolated: ${d.notIsolated.join(', ') || '—'}`,
    `Số đột biến làm hỏng mỗi ca / mutants per case: min ${counts[0] ?? 0}, trung vị / median ${median}, max ${counts.at(-1) ?? 0}; không ca nào bị bỏ sót / uncaught: ${d.uncaught.join(', ') || '—'}`,
    perCase,
  ];
}
