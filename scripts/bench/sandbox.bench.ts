// Sandbox benchmark: sustained sendEdoc → getReceivedEdocList → getEdoc → updateStatus cycles per
// second on PostgreSQL, through one `truc serve --pg` process and through two replicas of the same
// schema, measured side by side in alternating rounds (1, 2, 1, 2, …) so machine noise hits both.
// With two replicas each cycle sends through one and receives through the other. The client runs in
// this process, on the same machine as both replicas and PostgreSQL.
import pg from 'pg';
import { AxisClient } from '../../simulator/client/client.ts';
import { startServeProcess, type ServeProcess } from '../../simulator/testing/serve-process.ts';
import { edocBytes } from '../../simulator/testing/fixtures.ts';
import { randomSchema } from '../../simulator/store/sql/test-support.ts';

const PG_URL = process.env.TRUC_BENCH_PG ?? process.env.TRUC_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const WORKERS = 16;
const ROUND_SECONDS = Number(process.env.TRUC_BENCH_SANDBOX_SECONDS ?? 20);
const ROUNDS = Number(process.env.TRUC_BENCH_SANDBOX_ROUNDS ?? 2);

// Seeded test agencies (000.0u.0g.G99): one sender and one receiver per worker, so inboxes never mix.
const agency = (n: number): string => `000.0${Math.floor(n / 8) + 1}.0${(n % 8) + 1}.G99`;
const pairs = Array.from({ length: WORKERS }, (_, w) => ({
  sender: { systemId: agency(2 * w), secret: `bench-s-${w}` },
  receiver: { systemId: agency(2 * w + 1), secret: `bench-r-${w}` },
}));

async function cycles(replicas: ServeProcess[], seconds: number): Promise<{ perSecond: number; errors: number }> {
  const packets = pairs.map((p) => edocBytes({ from: { organId: p.sender.systemId, organName: 'Gửi' }, to: [{ organId: p.receiver.systemId, organName: 'Nhận' }] }));
  let done = 0;
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    pairs.map(async (pair, w) => {
      const sendVia = replicas[w % replicas.length];
      const receiveVia = replicas[(w + 1) % replicas.length];
      const sender = new AxisClient({ baseUrl: sendVia.baseUrl, ...pair.sender });
      const receiver = new AxisClient({ baseUrl: receiveVia.baseUrl, ...pair.receiver });
      while (performance.now() < end) {
        try {
          if ((await sender.sendEdoc(packets[w])).status !== 'OK') throw new Error('send');
          const inbox = await receiver.getReceivedEdocList();
          for (const item of inbox.data) {
            if ((await receiver.getEdoc(item.docId)).status !== 'OK') throw new Error('get');
            await receiver.updateStatus(item.docId, 'done');
          }
          done += 1;
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return { perSecond: done / ((performance.now() - started) / 1000), errors };
}

export async function run(): Promise<void> {
  const schema = randomSchema();
  const args = ['--pg', PG_URL, '--pg-schema', schema, '--control-token', 'sandbox-bench-control-token'];
  for (const p of pairs) args.push('--system', `${p.sender.systemId}=${p.sender.secret}`, '--system', `${p.receiver.systemId}=${p.receiver.secret}`);
  const first = await startServeProcess(args);
  const second = await startServeProcess(args);
  const one: number[] = [];
  const two: number[] = [];
  try {
    await cycles([first], 3);
    for (let round = 0; round < ROUNDS; round += 1) {
      const a = await cycles([first], ROUND_SECONDS);
      const b = await cycles([first, second], ROUND_SECONDS);
      one.push(a.perSecond);
      two.push(b.perSecond);
      process.stdout.write(
        `round ${round + 1}: 1 replica ${a.perSecond.toFixed(1)} cycles/s (${a.errors} errors) · 2 replicas ${b.perSecond.toFixed(1)} cycles/s (${b.errors} errors) · ratio ${(b.perSecond / a.perSecond).toFixed(2)}\n`,
    );
    }
  } finally {
    await first.kill('SIGTERM');
    await second.kill('SIGTERM');
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  process.stdout.write(
    `sandbox on PostgreSQL, ${WORKERS} workers, ${ROUNDS} × ${ROUND_SECONDS} s each: 1 replica ${mean(one).toFixed(1)} cycles/s, 2 replicas ${mean(two).toFixed(1)} cycles/s, ratio ${(mean(two) / mean(one)).toFixed(2)} (load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores)\n`,
  );
}
