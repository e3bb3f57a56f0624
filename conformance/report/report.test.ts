import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../run-record.ts';
import { HOSTILE, sampleRun } from '../testing/sample-run.ts';
import { renderReportHtml } from './html.ts';
import { renderJournalJsonl } from './journal-jsonl.ts';
import { renderJunit } from './junit.ts';
import { buildReport } from './report-json.ts';
import { reportSchemaErrors } from './schema.ts';

let run: RunRecord;
beforeAll(async () => {
  run = await sampleRun();
});

describe('report.json', () => {
  it('has exactly the spec fields and conforms to the shipped schema', () => {
    const report = buildReport(run);
    expect(Object.keys(report)).toEqual(['schemaVersion', 'runId', 'verdict', 'profile', 'timing', 'sut', 'suiteVersion', 'startedAt', 'finishedAt', 'cases', 'overrides']);
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(report.verdict).toBe('not-conformant');
    expect(report.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+07:00$/);
    const byId = Object.fromEntries(report.cases.map((c) => [c.id, c]));
    expect(Object.keys(byId['B-01'])).toEqual(['id', 'title', 'requirement', 'level', 'result', 'message', 'evidence']);
    expect(byId['B-01'].evidence).toEqual([1]);
    expect(byId['B-02']).toMatchObject({ result: 'fail', expected: { en: 'One packet' } });
    expect(byId['B-03'].result).toBe('warn');
    expect(byId['B-04'].result).toBe('skip');
    expect(byId['B-05'].evidence).toEqual(['B-05/trigger-1']);
    expect(byId['B-06'].result).toBe('error');
  });

  it('the schema rejects reports that break the contract', () => {
    const report = buildReport(run);
    expect(reportSchemaErrors({ ...report, extra: 1 })).not.toEqual([]);
    expect(reportSchemaErrors({ ...report, verdict: 'ok' })).not.toEqual([]);
    const passWithExpected = { ...report, cases: [{ ...report.cases[0], expected: { vi: 'a', en: 'b' } }] };
    expect(reportSchemaErrors(passWithExpected)).not.toEqual([]);
    const failWithout = { ...report, cases: [{ ...report.cases[1], expected: undefined }] };
    expect(reportSchemaErrors(JSON.parse(JSON.stringify(failWithout)))).not.toEqual([]);
  });
});

describe('junit.xml', () => {
  it('maps results onto junit elements and escapes hostile text losslessly', () => {
    const xml = renderJunit(run);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' }).parse(xml);
    const suite = parsed.testsuites.testsuite;
    expect(suite['@_tests']).toBe('6');
    expect([suite['@_failures'], suite['@_errors'], suite['@_skipped']]).toEqual(['1', '1', '1']);
    const cases = Object.fromEntries(suite.testcase.map((t: Record<string, unknown>) => [String(t['@_name']), t]));
    expect(cases['B-01'].failure ?? cases['B-01'].error ?? cases['B-01'].skipped).toBeUndefined();
    expect(cases['B-02'].failure['#text']).toContain('<script>alert("x")</script> ]]> &');
    expect(cases['B-02'].failure['#text']).not.toContain('\u0000');
    expect(cases['B-03']['system-out']).toMatch(/\nWARN /);
    expect(cases['B-04'].skipped['@_message']).toContain('not applicable');
    expect(cases['B-06'].error['@_type']).toBe('harness');
    expect(xml).not.toContain('<script>');
  });
});

describe('report.html', () => {
  it('is self-contained, bilingual, summary first, with escaped evidence excerpts', () => {
    const html = renderReportHtml(run);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // Verdict, then what needs attention, then all cases, then the evidence (collapsed).
    const at = (text: string) => html.indexOf(text);
    expect(at('class="verdict')).toBeLessThan(at('id="attention"'));
    expect(at('id="attention"')).toBeLessThan(at('id="cases"'));
    expect(at('id="cases"')).toBeLessThan(at('id="evidence"'));
    expect(html).not.toMatch(/<details[^>]* open/);
    // The failure is one click from the top, with expected, observed and a link to its evidence.
    expect(html).toMatch(/<p class="jump"><a href="#B-02">/);
    expect(html).toMatch(/id="B-02"[\s\S]*Expected[\s\S]*Observed[\s\S]*href="#ev-1"/);
    expect(html).toContain('R = required: decides the verdict');
    expect(html).toMatch(/@page\{size:A4;.*counter\(page\)/s);
    expect(html).toContain('Không phù hợp');
    expect(html).toContain('Not conformant');
    expect(html).toContain('@media print');
    expect(html).toContain('#1 · ');
    expect(html).toContain('B-05/trigger-1');
    expect(html).toContain('QLVB &quot;Sample&quot; &lt;v&gt;');
  });
});

describe('journal.jsonl', () => {
  it('holds every exchange and trigger, one JSON object per line, ids matching the evidence', () => {
    const lines = renderJournalJsonl(run).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.type, l.id])).toEqual([
      ['exchange', 1],
      ['trigger', 'B-05/trigger-1'],
    ]);
    expect(Buffer.from(lines[0].bodyExcerptBase64, 'base64').toString('utf8')).toBe(`<edXML>${HOSTILE}</edXML>`);
    expect(lines[1].trigger).toMatchObject({ case: 'B-05', action: 'revoke', concerning: 'D-1' });
  });
});
