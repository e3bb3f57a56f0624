// The images as a vendor's CI uses them, on the machine's Docker engine (host networking, no
// registry): `truc serve` in a container with its store on a volume, answering a health check,
// stopping on SIGTERM without losing an acknowledged packet; TrucAxisContainer carrying a
// document and its status; `truc certify --sut-image` certifying the reference agency's image.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { truc } from '../../cli/testing/run-cli.ts';
import { referenceSigning } from '../../conformance/reference/signing.ts';
import { REFERENCE_SUT } from '../../conformance/run-suite.ts';
import { AxisClient } from '../../simulator/client/client.ts';
import { openPkiFolder } from '../../simulator/pki-folder.ts';
import { edocBytes, NGHE_AN, sampleEdoc, statusBytes, TAY_NINH } from '../../simulator/testing/fixtures.ts';
import { buildPacket } from '../../edxml/build.ts';
import { TrucAxisContainer } from '../../simulator/testcontainers.ts';
import { buildImages, type BuiltImages } from './build.ts';

const run = promisify(execFile);
// This engine has no bridge network and no registry (docs/testcontainers.md).
process.env.TESTCONTAINERS_HOST_OVERRIDE = '127.0.0.1';
process.env.TESTCONTAINERS_RYUK_DISABLED = 'true';
const dockerRuns = (() => {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms`);
}

/** A fresh PGlite cluster starts slowly in a container on a busy machine. */
const START_MS = 240_000;
let images: BuiltImages;
let work: string;
const cleanup: (() => Promise<unknown>)[] = [];

describe.skipIf(!dockerRuns)('images (needs a Docker engine: Debian package docker.io, started by .ci/run)', () => {
  beforeAll(async () => {
    images = await buildImages();
    work = await mkdtemp(join(tmpdir(), 'truc-image-test-'));
  }, 900_000);
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  });

  it('npm run image tags truc and the reference agency with the version and latest', async () => {
    const { stdout } = await run('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}']);
    for (const tag of [...images.truc, ...images.referenceAgency]) expect(stdout.split('\n')).toContain(tag);
  });

  it('serves the axis with its store on a volume, is healthy, and keeps an acknowledged packet across SIGTERM', async () => {
    const volume = `truc-test-${process.pid}-${Date.now()}`;
    cleanup.push(() => run('docker', ['volume', 'rm', '-f', volume]));
    const port = await freePort();
    const serve = async () => {
      const { stdout } = await run('docker', [
        'run', '-d', '--network', 'host', '-v', `${volume}:/data`,
        '-e', `TRUC_HEALTHZ=http://127.0.0.1:${port}/healthz`,
        'truc:latest', 'serve', '--host', '127.0.0.1', '--port', String(port), '--data', '/data',
        '--system', `${NGHE_AN.systemId}=${NGHE_AN.secret}`, '--system', `${TAY_NINH.systemId}=${TAY_NINH.secret}`,
      ]);
      const id = stdout.trim();
      cleanup.push(() => run('docker', ['rm', '-f', id]));
      await waitHealthy(`http://127.0.0.1:${port}/healthz`, START_MS);
      return id;
    };
    const first = await serve();
    const sender = new AxisClient({ baseUrl: `http://127.0.0.1:${port}`, ...NGHE_AN });
    expect((await sender.sendEdoc(edocBytes())).status).toBe('OK');
    // Docker's own health check (the image's HEALTHCHECK, every 5 s) agrees.
    let health = '';
    for (let i = 0; i < 60 && health !== 'healthy'; i++) {
      health = (await run('docker', ['inspect', '--format', '{{.State.Health.Status}}', first])).stdout.trim();
      if (health !== 'healthy') await new Promise((r) => setTimeout(r, 1000));
    }
    expect(health).toBe('healthy');

    await run('docker', ['stop', '--time', '30', first]);
    const stopped = (await run('docker', ['inspect', '--format', '{{.State.ExitCode}}', first])).stdout.trim();
    const logs = await run('docker', ['logs', first]);
    expect({ exit: stopped, stopped: `${logs.stdout}${logs.stderr}`.includes('stopped (SIGTERM)') }).toEqual({ exit: '0', stopped: true });

    await serve();
    const receiver = new AxisClient({ baseUrl: `http://127.0.0.1:${port}`, ...TAY_NINH });
    const list = await receiver.getReceivedEdocList();
    expect(list.data).toHaveLength(1);
  }, 2 * START_MS + 60_000);

  it('TrucAxisContainer carries a document and its status between two systems', async () => {
    const axis = await new TrucAxisContainer('truc:latest').withSystem(NGHE_AN.systemId, NGHE_AN.secret).withSystem(TAY_NINH.systemId, TAY_NINH.secret).withPrefix('/XrdAdapter/adapter').start();
    cleanup.push(() => axis.stop());
    expect(axis.getAxisUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/XrdAdapter\/adapter$/);
    expect(axis.getControlUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_truc\/v1$/);
    expect(axis.getSystems()).toEqual([NGHE_AN, TAY_NINH]);

    const sender = new AxisClient({ baseUrl: axis.getAxisUrl(), ...NGHE_AN });
    const receiver = new AxisClient({ baseUrl: axis.getAxisUrl(), ...TAY_NINH });
    const doc = sampleEdoc();
    expect((await sender.sendEdoc(buildPacket(doc))).status).toBe('OK');
    const [item] = (await receiver.getReceivedEdocList()).data;
    expect(Buffer.from((await receiver.getEdoc(item.docId)).data, 'base64').toString('utf8')).toContain(doc.header.documentId ?? 'edXML');
    expect(await receiver.updateStatus(item.docId, 'done')).toMatchObject({ status: 'OK' });
    expect((await receiver.sendEdoc(statusBytes(doc, TAY_NINH.systemId, '03'), { messagetype: 'status' })).status).toBe('OK');
    const statuses = (await sender.getReceivedEdocList({ messagetype: 'status' })).data;
    expect(statuses.map((s) => s.from)).toEqual([TAY_NINH.systemId]);

    const journal = await fetch(`${axis.getControlUrl()}/journal?operation=sendEdoc`, { headers: { authorization: `Bearer ${axis.getControlToken()}` } });
    expect(journal.status).toBe(200);
  }, START_MS);

  it('truc certify --sut-image certifies the reference agency image, keeps its logs as evidence, and stops it', async () => {
    const pkiDir = join(work, 'pki');
    await referenceSigning(await openPkiFolder(pkiDir, { create: true }), REFERENCE_SUT.code, REFERENCE_SUT.name);
    const port = await freePort();
    const out = join(work, 'run');
    const before = (await run('docker', ['ps', '-aq', '--filter', 'ancestor=truc-reference-agency:latest'])).stdout.trim();
    const result = await truc(
      'certify', '--serve', '--port', '0', '--sut-code', REFERENCE_SUT.code, '--pki', pkiDir,
      '--sut-image', 'truc-reference-agency:latest',
      '--sut-env', `TRUC_WEBHOOK_PORT=${port}`, '--sut-env', 'TRUC_WEBHOOK_TOKEN=image-token',
      '--driver', `webhook:http://127.0.0.1:${port}/trigger`, '--webhook-token', 'image-token',
      '--timing', 'ci', '--response-seconds', '10', '--profile', 'core', '--out', out,
    );
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as { verdict: string; cases: { id: string; result: string }[] };
    expect(report.cases.filter((c) => c.result !== 'pass')).toEqual([]);
    expect({ code: result.code, verdict: report.verdict }).toEqual({ code: 0, verdict: 'conformant' });
    const files = await readdir(out);
    expect(files).toContain('sut.log');
    expect(await readFile(join(out, 'sut.log'), 'utf8')).toContain(`reference agency ${REFERENCE_SUT.code}`);
    const certificate = JSON.parse(await readFile(join(out, 'certificate.json'), 'utf8')) as { manifest: { files: Record<string, string> } };
    expect(Object.keys(certificate.manifest.files)).toContain('sut.log');
    const after = (await run('docker', ['ps', '-aq', '--filter', 'ancestor=truc-reference-agency:latest'])).stdout.trim();
    expect(after).toBe(before);
  }, 600_000);
});
