// junit.xml for CI dashboards: one testcase per case. fail → failure, error → error, skip →
// skipped, warn → passed with the warning in system-out. Built with fast-xml-parser's builder so
// every value is escaped; characters XML 1.0 cannot carry at all are replaced first.
import { XMLBuilder } from 'fast-xml-parser';
import type { LocalizedText } from '../../edxml/finding.ts';
import type { RunRecord } from '../run-record.ts';
import { buildReport, type ReportCase } from './report-json.ts';

// Control characters other than tab, LF, CR, lone surrogates and U+FFFE/U+FFFF are not XML 1.0.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlSafe = (text: string): string => text.replace(NOT_XML, '\uFFFD');

const line = (t: LocalizedText): string => `${t.vi} / ${t.en}`;

const explain = (c: ReportCase): string =>
  xmlSafe(
    [`${c.requirement.source} — ${c.requirement.article}`, c.expected ? `Mong đợi / Expected: ${line(c.expected)}` : '', c.observed ? `Quan sát / Observed: ${line(c.observed)}` : '', `Chứng cứ / Evidence: ${c.evidence.join(', ') || '—'}`]
      .filter(Boolean)
      .join('\n'),
  );

function testcase(c: ReportCase, classPrefix: string, seconds: number): Record<string, unknown> {
  const base = { '@_classname': `${classPrefix}.${c.id.split('-')[0]}`, '@_name': xmlSafe(`${c.id} ${c.title.en}`), '@_time': seconds.toFixed(3) };
  const message = xmlSafe(line(c.message));
  switch (c.result) {
    case 'fail':
      return { ...base, failure: { '@_message': message, '@_type': c.level, '#text': explain(c) } };
    case 'error':
      return { ...base, error: { '@_message': message, '@_type': 'harness', '#text': explain(c) } };
    case 'skip':
      return { ...base, skipped: { '@_message': message } };
    case 'warn':
      return { ...base, 'system-out': xmlSafe(`WARN ${line(c.message)}\n${explain(c)}`) };
    case 'pass':
      return base;
  }
}

export function renderJunit(run: RunRecord): string {
  const report = buildReport(run);
  const count = (result: string) => report.cases.filter((c) => c.result === result).length;
  const totalSeconds = (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000;
  const durations = new Map(run.cases.map((c) => [c.id, c.durationMs / 1000]));
  const attributes = {
    '@_tests': report.cases.length,
    '@_failures': count('fail'),
    '@_errors': count('error'),
    '@_skipped': count('skip'),
    '@_time': totalSeconds.toFixed(3),
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  const body = builder.build({
    testsuites: {
      '@_name': 'truc conformance',
      ...attributes,
      testsuite: {
        '@_name': xmlSafe(`truc ${report.profile} — ${report.sut.code} (${report.verdict})`),
        '@_timestamp': report.startedAt,
        ...attributes,
        properties: {
          property: [
            { '@_name': 'verdict', '@_value': report.verdict },
            { '@_name': 'sut', '@_value': xmlSafe(report.sut.code) },
            { '@_name': 'timing', '@_value': `${report.timing.profile} ${report.timing.responseSeconds}s/${report.timing.settleSeconds}s` },
            { '@_name': 'suiteVersion', '@_value': xmlSafe(report.suiteVersion) },
          ],
        },
        testcase: report.cases.map((c) => testcase(c, `truc.${report.profile}`, durations.get(c.id) ?? 0)),
      },
    },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}
