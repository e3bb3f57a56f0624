import type { Category, Finding, Level, LocalizedText } from './finding.ts';

/**
 * A validator rule: the stable id, level and citation live here once; every place that reports it
 * (validate, simulator intake, conformance verdicts) goes through `report`.
 * Messages may hold `{name}` placeholders filled from `params`.
 */
export interface Rule {
  id: string;
  level: Level;
  category: Category;
  message: LocalizedText;
  cite: string;
}

const fill = (text: string, params: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));

export function report(rule: Rule, path: string, params: Record<string, string | number> = {}): Finding {
  return {
    rule: rule.id,
    level: rule.level,
    category: rule.category,
    path,
    message: { vi: fill(rule.message.vi, params), en: fill(rule.message.en, params) },
    cite: rule.cite,
  };
}
