// junit.xml read by an independent oracle: xmllint (libxml2) validating against an XSD of the
// Ant/Surefire JUnit format written for these tests (testing/junit-surefire.xsd).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../run-record.ts';
import { applyOverride } from '../review.ts';
import { sampleRun } from '../testing/sample-run.ts';
import { renderJunit } from './junit.ts';

const XSD = fileURLToPath(new URL('./testing/junit-surefire.xsd', import.meta.url));
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

let run: RunRecord;
let work: string;
beforeAll(async () => {
  run = await sampleRun();
  work = await mkdtemp(join(tmpdir(), 'truc-junit-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

const xmllint = async (xml: string, name: string): Promise<{ status: number | null; out: string }> => {
  const file = join(work, name);
  await writeFile(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' }).parse(xml);

describe.skipIf(!hasXmllint)('junit.xml against the Surefire schema (xmllint, Debian package libxml2-utils)', () => {
  it('validates, with warnings passed or failed', async () => {
    for (const [name, xml] of [
      ['default.xml', renderJunit(run)],
      ['warn-fails.xml', renderJunit(run, { warnAs: 'failure' })],
      ['overridden.xml', renderJunit(applyOverride(run, { caseId: 'B-02', to: 'pass', reviewer: 'Reviewer <x>', justification: 'The packet was a retry the axis asked for.' }))],
    ] as const) {
      const { status, out } = await xmllint(xml, name);
      expect(out).toContain('validates');
      expect(status).toBe(0);
    }
  });

  it('the schema is a real check: a testcase without a name or with two outcomes is refused', async () => {
    const good = renderJunit(run);
    const unnamed = good.replace(/<testcase name="B-01"/, '<testcase');
    expect((await xmllint(unnamed, 'unnamed.xml')).status).not.toBe(0);
    const twoOutcomes = good.replace('<skipped ', '<failure message="x"/><skipped ');
    expect((await xmllint(twoOutcomes, 'two.xml')).status).not.toBe(0);
  });
});

describe('junit.xml names and warnings', () => {
  it('keeps suite and test names stable whatever the verdict, SUT name or titles', async () => {
    const other = { ...run, verdict: 'conformant' as const, sut: { ...run.sut, name: 'Other' }, cases: run.cases.map((c) => ({ ...c, title: { vi: 'x', en: 'y' } })) };
    const names = (xml: string) => {
      const suite = parse(xml).testsuites.testsuite;
      return [suite['@_name'], ...suite.testcase.map((t: Record<string, string>) => `${t['@_classname']} ${t['@_name']}`)];
    };
    expect(names(renderJunit(run))).toEqual(names(renderJunit(other)));
    expect(names(renderJunit(run))[0]).toBe('truc.business');
    expect(names(renderJunit(run))).toContain('truc.B B-03');
  });

  it('a warning is a WARN line in system-out, or a failure of type warning when asked', () => {
    const plain = parse(renderJunit(run)).testsuites.testsuite;
    const warn = plain.testcase.find((t: Record<string, unknown>) => t['@_name'] === 'B-03');
    expect(warn.failure).toBeUndefined();
    expect(warn['system-out']).toMatch(/^B-03 .*\nWARN /);
    expect(plain.properties.property).toContainEqual({ '@_name': 'warnings', '@_value': '1' });
    const strict = parse(renderJunit(run, { warnAs: 'failure' })).testsuites.testsuite;
    expect(strict.testcase.find((t: Record<string, unknown>) => t['@_name'] === 'B-03').failure['@_type']).toBe('warning');
    expect(strict['@_failures']).toBe(String(Number(plain['@_failures']) + 1));
  });

});
