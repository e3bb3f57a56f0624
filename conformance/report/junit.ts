// junit.xml for CI dashboards: one testcase per case, in the Ant/Surefire shape Jenkins, GitLab and
// GitHub readers accept. Names are stable across builds (suite `truc.<profile>`, test = case id,
// class = `truc.<area>`), so test history survives a change of verdict, SUT name or case title.
// fail → failure, error → error, skip → skipped, warn → passed with a WARN line in system-out, or
// a failure of type "warning" with `--junit-warn-as failure` for pipelines that must stop on it.
// Built with fast-xml-parser's builder so every value is escaped; characters XML 1.0 cannot carry
// are replaced first.
import { XMLBuilder } from 'fast-xml-parser';
import type { LocalizedText } from '../../edxml/finding.ts';
import type { CaseOverride, RunRecord } from '../run-record.ts';
import { buildReport, type ReportCase } from './report-json.ts';

export interface JunitOptions {
  /** How a warning is written: a passed test with a WARN line (default), or a failure. */
  warnAs?: 'pass' | 'failure';
}

// Control characters other than tab, LF, CR, lone surrogates and U+FFFE/U+FFFF are not XML 1.0.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlSafe = (text: string): string => text.replace(NOT_XML, '\uFFFD');

const line = (t: LocalizedText): string => `${t.vi} / ${t.en}`;

const explain = (c: ReportCase): string =>
  [
    `${c.requirement.source} — ${c.requirement.article}`,
    c.expected ? `Mong đợi / Expected: ${line(c.expected)}` : '',
    c.observed ? `Quan sát / Observed: ${line(c.observed)}` : '',
    `Chứng cứ / Evidence: ${c.evidence.join(', ') || '—'}`,
  ]
    .filter(Boolean)
    .join('\n');

function systemOut(c: ReportCase, override: CaseOverride | undefined): string {
  const lines = [`${c.id} ${line(c.title)}`];
  if (c.result === 'warn') lines.push(`WARN ${line(c.message)}`, explain(c));
  if (override) lines.push(`OVERRIDE ${override.from} → ${override.to} · ${override.reviewer} · ${override.at} · ${override.justification}`);
  return xmlSafe(lines.join('\n'));
}

function testcase(c: ReportCase, seconds: number, options: JunitOptions, override: CaseOverride | undefined): Record<string, unknown> {
  const base = { '@_name': c.id, '@_classname': `truc.${c.id.split('-')[0]}`, '@_time': seconds.toFixed(3) };
  const message = xmlSafe(line(c.message));
  const out = { 'system-out': systemOut(c, override) };
  switch (c.result) {
    case 'fail':
      return { ...base, failure: { '@_message': message, '@_type': c.level, '#text': xmlSafe(explain(c)) }, ...out };
    case 'error':
      return { ...base, error: { '@_message': message, '@_type': 'harness', '#text': xmlSafe(explain(c)) }, ...out };
    case 'skip':
      return { ...base, skipped: { '@_message': message }, ...out };
    case 'warn':
      return options.warnAs === 'failure'
        ? { ...base, failure: { '@_message': message, '@_type': 'warning', '#text': xmlSafe(explain(c)) }, ...out }
        : { ...base, ...out };
    case 'pass':
      return { ...base, ...out };
  }
}

export function renderJunit(run: RunRecord, options: JunitOptions = {}): string {
  const report = buildReport(run);
  const count = (result: string) => report.cases.filter((c) => c.result === result).length;
  const totalSeconds = (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000;
  const durations = new Map(run.cases.map((c) => [c.id, c.durationMs / 1000]));
  const overrides = new Map((run.overrides ?? []).map((o) => [o.caseId, o]));
  const attributes = {
    '@_tests': report.cases.length,
    '@_failures': count('fail') + (options.warnAs === 'failure' ? count('warn') : 0),
    '@_errors': count('error'),
    '@_time': totalSeconds.toFixed(3),
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  const body = builder.build({
    testsuites: {
      '@_name': 'truc',
      ...attributes,
      testsuite: {
        '@_name': `truc.${report.profile}`,
        ...attributes,
        '@_skipped': count('skip'),
        '@_timestamp': report.startedAt,
        properties: {
          property: [
            { '@_name': 'verdict', '@_value': report.verdict },
            { '@_name': 'sut', '@_value': xmlSafe(report.sut.code) },
            { '@_name': 'sutSoftware', '@_value': xmlSafe(`${report.sut.software ?? ''} ${report.sut.version ?? ''} ${report.sut.build ?? ''}`.trim()) },
            { '@_name': 'warnings', '@_value': String(count('warn')) },
            { '@_name': 'timing', '@_value': `${report.timing.profile} ${report.timing.responseSeconds}s/${report.timing.settleSeconds}s` },
            { '@_name': 'suiteVersion', '@_value': xmlSafe(report.suiteVersion) },
            { '@_name': 'run', '@_value': xmlSafe(run.runId) },
          ],
        },
        testcase: report.cases.map((c) => testcase(c, durations.get(c.id) ?? 0, options, overrides.get(c.id))),
      },
    },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}
