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

/** A placeholder value: the same in both languages, or one text per language (e.g. a parser's detail). */
export type RuleParam = string | number | LocalizedText;

const fill = (text: string, params: Record<string, RuleParam>, lang: keyof LocalizedText): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!(key in params)) return whole;
    const value = params[key];
    return typeof value === 'object' ? value[lang] : String(value);
  });

export function report(rule: Rule, path: string, params: Record<string, RuleParam> = {}): Finding {
  return {
    rule: rule.id,
    level: rule.level,
    category: rule.category,
    path,
    message: { vi: fill(rule.message.vi, params, 'vi'), en: fill(rule.message.en, params, 'en') },
    cite: rule.cite,
  };
}
