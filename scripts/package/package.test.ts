// The published package, as a vendor gets it: packed by npm, installed offline in a scratch
// project, used from plain Node (ESM and CommonJS) and from a strict TypeScript project with no
// special flags. The compiled `truc` starts with no tsx installed.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { packTruc, type PackedTruc } from './pack.ts';
import { scratchProject } from './scratch-project.ts';

const run = promisify(execFile);
/** tsc on a whole vendor project takes about a minute on a busy two-core machine. */
const TSC_TIMEOUT = 600_000;
let packed: PackedTruc;
let project: string;

beforeAll(async () => {
  packed = await packTruc();
  project = await scratchProject(packed.tarball, ['typescript', '@types/node']);
}, 600_000);

describe('npm pack', () => {
  it('ships the compiled code, docs, the runtime directory and the report schema', () => {
    expect(packed.files).toEqual(expect.arrayContaining(['bin/truc.js', 'dist/cli/main.js', 'dist/simulator/msw.js', 'dist/simulator/msw.d.ts', 'dist/conformance/report/report.schema.json', 'dist/openapi/axis.json', 'dist/openapi/control.json', 'dist/simulator/testcontainers.d.ts', 'fixtures/directory/agencies.json', 'docs/axis.md', 'README.md']));
  });

  it('ships no test, TypeScript source, script, key or private PKI material', () => {
    const unwanted = packed.files.filter(
      (f) => /\.test\.|(^|\/)testing\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')) || /^(scripts|oracles|fixtures\/(pki|packets|signatures))\//.test(f) || /\.(p12|pfx)$|key\.pem$/.test(f),
    );
    expect(unwanted).toEqual([]);
  });
});

describe('installed from the tarball', () => {
  it('imports truc/msw from plain Node ESM', async () => {
    await writeFile(
      join(project, 'esm.mjs'),
      `import { createMswAxis } from 'truc/msw';
const m = await createMswAxis({ baseUrl: 'https://axis.test/XrdAdapter/adapter' });
console.log(m.all.length, m.receiving.length);
await m.axis.close();
`,
    );
    const { stdout } = await run(process.execPath, ['esm.mjs'], { cwd: project });
    expect(stdout.trim()).toBe('14 6');
  });

  it('requires truc/msw from plain Node CommonJS', async () => {
    await writeFile(
      join(project, 'cjs.cjs'),
      `const { createMswAxis } = require('truc/msw');
createMswAxis({ baseUrl: 'https://axis.test/XrdAdapter/adapter' }).then(async (m) => {
  console.log(m.all.length, typeof require('truc').validatePacket);
  await m.axis.close();
});
`,
    );
    const { stdout, stderr } = await run(process.execPath, ['cjs.cjs'], { cwd: project });
    expect(stdout.trim()).toBe('14 function');
    expect(stderr).toBe('');
  });

  it('type-checks in a strict TypeScript project (ESM and CommonJS files) with no special flags', async () => {
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', noEmit: true }, include: ['*.ts', '*.cts'] }),
    );
    await writeFile(
      join(project, 'vendor.ts'),
      `import { createMswAxis, type MswAxis } from 'truc/msw';
import { validatePacket } from 'truc';
const m: MswAxis = await createMswAxis({ baseUrl: 'https://axis.test/XrdAdapter/adapter' });
const handlers: number = m.all.length;
const report = await validatePacket(new TextEncoder().encode('<x/>'));
const errors: number = report.findings.length;
console.log(handlers, errors);
await m.axis.close();
`,
    );
    await writeFile(
      join(project, 'vendor-cjs.cts'),
      `import { createMswAxis } from 'truc/msw';
export async function handlerCount(): Promise<number> {
  const m = await createMswAxis({ baseUrl: 'https://axis.test/XrdAdapter/adapter' });
  await m.axis.close();
  return m.all.length;
}
`,
    );
    const checked = await run(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project }).then(
      () => '',
      (e: { stdout: string }) => e.stdout,
    );
    expect(checked).toBe('');
  }, TSC_TIMEOUT);

  it('type-check catches a misuse (the check above is not vacuous)', async () => {
    const misuse = join(project, 'misuse');
    await mkdir(misuse);
    await writeFile(join(misuse, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', noEmit: true } }));
    await writeFile(join(misuse, 'misuse.ts'), `import { createMswAxis } from 'truc/msw';\nawait createMswAxis({ baseUrl: 42 });\nexport {};\n`);
    const checked = await run(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', misuse], { cwd: project }).then(
      () => '',
      (e: { stdout: string }) => e.stdout,
    );
    expect(checked).toMatch(/misuse\.ts.*TS2322/);
  }, TSC_TIMEOUT);

  it('runs the compiled truc command without tsx', async () => {
    const bin = join(project, 'node_modules', '.bin', 'truc');
    const version = await run(bin, ['--version'], { cwd: project });
    expect(version.stdout.trim()).toBe(packed.version);
    const help = await run(bin, ['--help'], { cwd: project });
    expect(help.stdout).toMatch(/serve/);
    expect(help.stdout).toMatch(/certify/);
    await expect(run(process.execPath, ['-e', "require.resolve('tsx')"], { cwd: project })).rejects.toThrow();
  });
});
