// `npm run mutants`: runs every mutant of the reference agency through the full profile and
// prints the matrix (mutants × cases): ■ declared and observed, □ declared but missed, ✗ observed
// but not declared, · neither. Exit 1 when any mutant's observed set differs from its declared
// one. Each mutant runs once, concurrently, at the demo's ci timing: a verdict that depends on the
// load is a defect of the suite, not something to retry. Options: --only NAME[,NAME…],
// --concurrency N (default 4), --response-seconds N (default: the ci profile's), --declared (print
// the discrimination figures of the declared failing sets without running anything). Then the
// discrimination figures of the observed sets: cases isolated by a single-case mutant, mutants
// per case.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CATALOGUE } from '../conformance/catalogue.ts';
import { discrimination, discriminationLines } from '../conformance/reference/mutants/discrimination.ts';
import { examineMutants, type MutantExamination } from '../conformance/reference/mutants/examine.ts';
import { mutants } from '../conformance/reference/mutants/index.ts';
import { resolveTiming } from '../conformance/timing.ts';
import { openPkiFolder } from '../simulator/pki-folder.ts';

const { values } = parseArgs({
  options: { only: { type: 'string' }, concurrency: { type: 'string', default: '4' }, 'response-seconds': { type: 'string' }, declared: { type: 'boolean', default: false } },
});

const only = values.only?.split(',').map((s) => s.trim());
const chosen = only ? mutants.filter((m) => only.includes(m.name)) : mutants;
if (only && chosen.length !== only.length) {
  const known = new Set(mutants.map((m) => m.name));
  process.stderr.write(`truc mutants: không có / unknown: ${only.filter((n) => !known.has(n)).join(', ')}\n`);
  process.exit(2);
}

const ids = CATALOGUE.map((e) => e.id);

if (values.declared) {
  const d = discrimination(ids, chosen.map((m) => ({ name: m.name, failing: m.declaredFailing })));
  process.stdout.write(`${discriminationLines(d, ids.length).join('\n')}\n`);
  process.exit(0);
}
const cell = (r: MutantExamination, id: string): string => {
  const declared = r.mutant.declaredFailing.includes(id);
  const observed = r.observed.includes(id);
  if (r.errors.includes(id)) return 'E';
  return declared && observed ? '■' : declared ? '□' : observed ? '✗' : '·';
};

const scratch = await mkdtemp(join(tmpdir(), 'truc-mutants-'));
try {
  const pki = await openPkiFolder(join(scratch, 'pki'), { create: true });
  const started = Date.now();
  let done = 0;
  const results = await examineMutants(chosen, {
    profile: 'full',
    timing: resolveTiming('ci', values['response-seconds'] === undefined ? {} : { responseSeconds: Number(values['response-seconds']) }),
    pki,
    concurrency: Number(values.concurrency),
    onResult: (r) => process.stderr.write(`[${++done}/${chosen.length}] ${r.mutant.name}\n`),
  });
  const label = (r: MutantExamination) => r.mutant.name;
  const width = Math.max(...results.map((r) => label(r).length));
  const header = ids.map((id) => id.replace('-', '').padEnd(5)).join('');
  process.stdout.write(`${''.padEnd(width)}  ${header}\n`);
  for (const r of results) process.stdout.write(`${label(r).padEnd(width)}  ${ids.map((id) => cell(r, id).padEnd(5)).join('')}\n`);
  process.stdout.write('\n■ khai báo và thấy / declared and observed  □ khai báo mà không thấy / missed  ✗ thấy mà không khai báo / not declared  E lỗi bộ kiểm thử / harness error\n\n');
  const wrong = results.filter((r) => r.missed.length || r.extra.length || r.errors.length);
  for (const r of wrong) {
    process.stdout.write(`${r.mutant.name}: thiếu/missed [${r.missed.join(', ')}] thừa/extra [${r.extra.join(', ')}] lỗi/errors [${r.errors.join(', ')}]\n`);
  }
  const targets = new Set(mutants.map((m) => m.declaredFailing[0]));
  const untargeted = ids.filter((id) => !targets.has(id));
  if (untargeted.length) process.stdout.write(`Ca chưa có đột biến nhắm tới / cases no mutant targets: ${untargeted.join(', ')}\n`);
  process.stdout.write(`${results.length - wrong.length}/${results.length} đúng khai báo / as declared (${Math.round((Date.now() - started) / 1000)} s)\n\n`);
  const observed = discrimination(ids, results.map((r) => ({ name: r.mutant.name, failing: r.observed })));
  process.stdout.write(`${discriminationLines(observed, ids.length).join('\n')}\n`);
  process.exitCode = wrong.length || untargeted.length ? 1 : 0;
} finally {
  await rm(scratch, { recursive: true, force: true });
}
