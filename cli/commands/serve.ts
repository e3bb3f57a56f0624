// `truc serve`: the simulated axis on HTTP, for an unmodified vendor system to point at.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT_OK, type TrucCommand } from '../command.ts';
import { checkAgencyCode, portValue } from '../options.ts';
import { derToPem } from '../../edxml/signatures/pem.ts';
import { DEFAULT_REPLAY_WINDOW, createAxis } from '../../simulator/axis.ts';
import { controlTokenProblem } from '../../simulator/control/token.ts';
import type { TrustProvider } from '../../simulator/control/trust.ts';
import { ALLOWED_TEST_IDS, seedDirectory } from '../../simulator/directory/seed.ts';
import { openPkiFolder, type PkiFolder } from '../../simulator/pki-folder.ts';
import { parseAge, startRetention } from '../../simulator/retention.ts';
import { startServer, type RunningServer } from '../../simulator/server.ts';
import { CONSOLE_BASE, withConsole } from '../../console/app.ts';
import { certifierFromTestPki, type Certifier } from '../../conformance/report/certifier.ts';
import { watchStaleRuns } from '../../simulator/stale-runs.ts';
import { createMemoryStore } from '../../simulator/store/memory.ts';
import { openEmbeddedStore, openPostgresStore } from '../../simulator/store/sql/open.ts';
import type { Store } from '../../simulator/store/types.ts';

interface ServeArgs {
  port: number;
  host: string;
  prefix: string;
  system: string[];
  data: string;
  memory: boolean;
  pg?: string;
  pgSchema?: string;
  retention?: string;
  retentionEvery: string;
  runsDir?: string;
  controlToken?: string;
  strict: boolean;
  replayProtection?: boolean;
  maxBody?: number;
  allowId: string[];
  pki?: string;
  trust: string[];
  config?: string;
  configProblem?: string;
}

/** Demo systems provisioned when no --system is given: fixed secrets, printed at start. */
export const DEMO_SYSTEMS = [
  { systemId: '000.00.00.G22', secret: 'demo-vpcp-g22' },
  { systemId: '000.00.00.H41', secret: 'demo-nghean-h41' },
  { systemId: '000.00.00.H53', secret: 'demo-tayninh-h53' },
  { systemId: 'vxp.saas.02', secret: 'demo-saas-02' },
];

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * yargs merges the config file under the flags (flags win). Its loader turns a thrown error into a
 * generic message, so a problem is handed to `run` as a hidden option and reported there.
 */
function readConfig(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { [CONFIG_PROBLEM]: JSON.stringify({ kind: 'read', path, detail: reason(e) }) };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (e) {
    return { [CONFIG_PROBLEM]: JSON.stringify({ kind: 'json', path, detail: reason(e) }) };
  }
}

const CONFIG_PROBLEM = 'config-problem';

function configError(problem: string): CliError {
  const { kind, path, detail } = JSON.parse(problem) as { kind: 'read' | 'json'; path: string; detail: string };
  return kind === 'read'
    ? new CliError('SERVE-CONFIG', `Không đọc được tệp cấu hình ${path}.`, `Cannot read config file ${path} (${detail}).`)
    : new CliError('SERVE-CONFIG', `Tệp cấu hình ${path} không phải đối tượng JSON.`, `Config file ${path} is not a JSON object (${detail}).`);
}

function parseSystems(values: string[], allowIds: readonly string[]): { systemId: string; secret: string }[] {
  return values.map((value) => {
    const at = value.indexOf('=');
    if (at <= 0 || at === value.length - 1) {
      throw new CliError('SERVE-SYSTEM', `--system "${value}" phải có dạng MÃ=BÍ_MẬT.`, `--system "${value}" must be CODE=SECRET.`);
    }
    return { systemId: checkAgencyCode('system', value.slice(0, at), allowIds), secret: value.slice(at + 1) };
  });
}

function readRetention(args: ServeArgs): { maxAgeMs: number; everyMs: number } | undefined {
  if (args.retention === undefined) return undefined;
  const maxAgeMs = parseAge(args.retention);
  const everyMs = parseAge(args.retentionEvery);
  if (maxAgeMs === undefined || everyMs === undefined) {
    const bad = maxAgeMs === undefined ? `--retention ${args.retention}` : `--retention-every ${args.retentionEvery}`;
    throw new CliError('SERVE-RETENTION', `${bad} phải có dạng số + s/m/h/d (vd. 7d).`, `${bad} must be a number and s/m/h/d (e.g. 7d).`);
  }
  return { maxAgeMs, everyMs };
}

async function openStore(args: ServeArgs): Promise<{ store: Store; where: string }> {
  try {
    if (args.memory) return { store: createMemoryStore(), where: 'bộ nhớ / memory' };
    if (args.pg) return { store: await openPostgresStore(args.pg, { schema: args.pgSchema }), where: `PostgreSQL${args.pgSchema ? ` (schema ${args.pgSchema})` : ''}` };
    return { store: await openEmbeddedStore(args.data), where: args.data };
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError('SERVE-STORE', 'Không mở được kho dữ liệu.', `Cannot open the store (${reason(e)}).`);
  }
}

async function trustProvider(args: ServeArgs): Promise<{ trust: TrustProvider; folder: PkiFolder }> {
  const pkiDir = args.pki ?? join(args.data, 'pki');
  let folder: Awaited<ReturnType<typeof openPkiFolder>>;
  try {
    folder = await openPkiFolder(pkiDir, { create: true });
  } catch (e) {
    throw new CliError('SERVE-PKI', `Không mở được thư mục PKI ${pkiDir}.`, `Cannot open the PKI folder ${pkiDir} (${reason(e)}).`);
  }
  const added: string[] = [];
  for (const path of args.trust) {
    try {
      added.push(await readFile(path, 'utf8'));
    } catch (e) {
      throw new CliError('SERVE-TRUST', `Không đọc được chứng thư gốc ${path}.`, `Cannot read trust root ${path} (${reason(e)}).`);
    }
  }
  return {
    folder,
    trust: {
      trustAnchors: async () => [...folder.trustAnchorsPem, ...added],
      crl: async () => derToPem(folder.crlDer, 'X509 CRL'),
    },
  };
}

/** Resolves on the first SIGINT or SIGTERM. */
const stopSignal = (): Promise<string> =>
  new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

export const serveCommand: TrucCommand<ServeArgs> = {
  builder: (y) =>
    y
      .option('port', { type: 'string', default: 8080, coerce: portValue('port'), describe: 'cổng / port' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'địa chỉ lắng nghe / listen address' })
      .option('prefix', { type: 'string', default: '/', describe: 'tiền tố đường dẫn / operations prefix' })
      .option('system', { type: 'string', array: true, default: [], describe: 'hệ thống kết nối / connected system CODE=SECRET' })
      .option('data', { type: 'string', default: './truc-data', describe: 'thư mục dữ liệu / data folder' })
      .option('memory', { type: 'boolean', default: false, describe: 'kho trong bộ nhớ / in-memory store' })
      .option('pg', { type: 'string', describe: 'PostgreSQL URL (mọi tiến trình trên cùng CSDL là bản sao / every process on one database is a replica)' })
      .option('pg-schema', { type: 'string', describe: 'schema PostgreSQL của sandbox / the sandbox\'s PostgreSQL schema' })
      .option('retention', { type: 'string', describe: 'xoá dữ liệu cũ hơn / purge data older than (90s, 30m, 12h, 7d)' })
      .option('retention-every', { type: 'string', default: '10m', describe: 'chu kỳ xoá / purge interval' })
      .option('runs-dir', { type: 'string', describe: 'thư mục lượt chạy cũng được xoá theo tuổi / run folders purged by age too' })
      .option('control-token', { type: 'string', describe: 'mã API điều khiển / control API token' })
      .option('strict', { type: 'boolean', default: false, describe: 'từ chối mọi lỗi / refuse any validator error' })
      .option('replay-protection', {
        type: 'boolean',
        describe: 'thời điểm ký trong 5 phút, mỗi bộ tiêu đề ký dùng một lần / signed timestamps within 5 min, each signed-header set used once (default with --strict)',
      })
      .option('max-body', { type: 'number', describe: 'giới hạn thân yêu cầu (byte) / body limit in bytes (50 MB)' })
      .option('allow-id', { type: 'string', array: true, default: [], describe: 'mã thử nghiệm được chấp nhận / allow-listed test id' })
      .option('pki', { type: 'string', describe: 'thư mục PKI / PKI folder (<data>/pki)' })
      .option('trust', { type: 'string', array: true, default: [], describe: 'chứng thư gốc thêm / added trust root PEM' })
      .option(CONFIG_PROBLEM, { type: 'string', hidden: true })
      .config('config', 'tệp cấu hình JSON / JSON config file', readConfig) as never,
  run: async (args) => {
    if (args.configProblem) throw configError(args.configProblem);
    if (args.maxBody !== undefined && !(Number.isInteger(args.maxBody) && args.maxBody > 0)) {
      throw new CliError('SERVE-MAX-BODY', '--max-body phải là số nguyên dương.', '--max-body must be a positive integer.');
    }
    if (args.controlToken !== undefined) {
      const problem = controlTokenProblem(String(args.controlToken));
      if (problem) throw new CliError('SERVE-CONTROL-TOKEN', problem.vi, problem.en);
    }
    const retention = readRetention(args);
    const explicitSystems = parseSystems(args.system, [...ALLOWED_TEST_IDS, ...args.allowId]);
    const { trust, folder } = await trustProvider(args);
    const { store, where } = await openStore(args);
    const demo = explicitSystems.length === 0;
    const axis = await createAxis({
      store,
      prefix: args.prefix,
      controlToken: args.controlToken,
      strict: args.strict,
      ...(args.replayProtection ?? args.strict ? { timestampWindowSeconds: DEFAULT_REPLAY_WINDOW, oneUseSignedHeaders: true } : {}),
      maxBody: args.maxBody,
      allowIds: args.allowId,
      trust,
      systems: demo ? DEMO_SYSTEMS : explicitSystems,
      directory: await seedDirectory(),
    });
    let server: RunningServer;
    let certifier: Certifier | undefined;
    // The console shares the port; the run folders it hands out are signed under the sandbox's
    // test PKI, so they say self-test (issued on first use: key generation takes a moment).
    const app = withConsole({
      axis,
      axisUrl: () => `${server.origin}${axis.prefix === '/' ? '' : axis.prefix}`,
      certifier: () => (certifier ??= certifierFromTestPki(folder.pki)),
      pki: folder,
    });
    try {
      server = await startServer(app, { host: args.host, port: args.port });
    } catch (e) {
      await axis.close();
      throw new CliError('SERVE-LISTEN', `Không lắng nghe được tại ${args.host}:${args.port}.`, `Cannot listen on ${args.host}:${args.port} (${reason(e)}).`);
    }
    // No trailing slash: the Java SDK appends `/operation` to whatever base it is given.
    const base = `${server.origin}${axis.prefix === '/' ? '' : axis.prefix}`;
    const lines = [
      `truc: trục mô phỏng / simulated axis: ${base}`,
      `truc: API điều khiển / control API: ${server.origin}${axis.controlPrefix}  (Authorization: Bearer ${axis.controlToken})`,
      `truc: bảng điều khiển web / web console: ${server.origin}${CONSOLE_BASE}/?token=${encodeURIComponent(axis.controlToken)}`,
      `truc: kho dữ liệu / store: ${where}${args.strict ? ', strict' : ''}${args.retention ? `, giữ / retention ${args.retention}` : ''}`,
      ...(demo ? ['truc: hệ thống mẫu / demo systems (systemid = secret):', ...DEMO_SYSTEMS.map((s) => `  ${s.systemId} = ${s.secret}`)] : []),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const purging = retention && startRetention(store, {
      ...retention,
      runsDir: args.runsDir,
      onPurge: (t) => {
        if (t.journal + t.packets + t.runs + t.runFolders > 0) {
          process.stdout.write(`truc: đã xoá dữ liệu cũ / purged: ${t.journal} journal, ${t.packets} packets, ${t.deliveries} deliveries, ${t.runs} runs, ${t.runFolders} run folders\n`);
        }
      },
      onError: (e) => process.stderr.write(`truc: [SERVE-RETENTION] Không xoá được dữ liệu cũ / Purge failed: ${reason(e)}\n`),
    });
    const stopWatching = watchStaleRuns(
      store,
      axis.core.clock,
      (runId) => axis.core.runEvents.emit('run', runId),
      (e) => process.stderr.write(`truc: [SERVE-RUNS] Không kiểm tra được lượt đang chạy / Cannot check running runs: ${reason(e)}\n`),
    );
    const signal = await stopSignal();
    stopWatching();
    await purging?.stop();
    await server.close();
    await axis.close();
    process.stdout.write(`truc: đã dừng / stopped (${signal})\n`);
    return EXIT_OK;
  },
};
