// `truc certify`: run the conformance suite against a real system under test, through a simulator
// this command serves (`--serve`) or one already running (`--axis`, `--control-url`,
// `--control-token`), and write the signed run folder. Exit 0 conformant, 1 not conformant,
// 2 incomplete or harness/configuration error.
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_PROFILES, type RunProfile } from '../../conformance/catalogue.ts';
import { createDriver, parseDriverSpec } from '../../conformance/drivers/driver-spec.ts';
import type { Driver } from '../../conformance/drivers/driver.ts';
import { createProgressReporter } from '../../conformance/progress.ts';
import { certifierFromTestPki, loadCertifierP12, type Certifier } from '../../conformance/report/certifier.ts';
import { SIGNER_TEXT } from '../../conformance/report/signer.ts';
import { assertOutputDirFree } from '../../conformance/report/write-run-outputs.ts';
import { allCases } from '../../conformance/cases/index.ts';
import { runTrust, startEmbeddedSimulator } from '../../conformance/embedded-simulator.ts';
import { newRunId } from '../../conformance/run-id.ts';
import { controlRunSink, createRunRecorder, storeRunSink, type RunRecorder, type RunSink } from '../../conformance/run-recorder.ts';
import { asRerun, planRerun, type RerunPlan } from '../../conformance/rerun.ts';
import { writeRun } from '../../conformance/run-suite.ts';
import { counterpartsOf, runSuite } from '../../conformance/runner.ts';
import { SUITE_VERSION } from '../../conformance/suite-version.ts';
import { exitCodeOf } from '../../conformance/verdict.ts';
import { assertSandboxTrusts, fetchSandboxTrust, SandboxTrustError } from '../../conformance/sandbox-trust.ts';
import { inProcessAxisPort, remoteAxisPort, type SimulatorPort } from '../../conformance/simulator-port.ts';
import { startSutContainer } from '../../conformance/sut-container.ts';
import { startSutProcess, type SutEnvironment, type SutProcess } from '../../conformance/sut-process.ts';
import { waitForSutTraffic } from '../../conformance/sut-ready.ts';
import { resolveTiming, type Timing } from '../../conformance/timing.ts';
import { DEFAULT_PKI_DIR, openPkiFolder, type PkiFolder } from '../../simulator/pki-folder.ts';
import { startServer, type RunningServer } from '../../simulator/server.ts';
import { asCliError, CliError, type TrucCommand } from '../command.ts';
import { checkAgencyCode, portValue } from '../options.ts';
import { ALLOWED_TEST_IDS } from '../../simulator/directory/seed.ts';
import { printRunSummary } from './run-summary.ts';

interface CertifyArgs {
  serve: boolean;
  port: number;
  host: string;
  axis?: string;
  controlUrl?: string;
  controlToken?: string;
  sutCode?: string;
  secret?: string;
  driver: string;
  sutCmd?: string;
  sutImage?: string;
  sutEnv: string[];
  trust: string[];
  timing: string;
  profile: string;
  out?: string;
  junit?: string;
  sutSoftware?: string;
  sutVersion?: string;
  sutBuild?: string;
  junitWarnAs: string;
  rerunFailed?: string;
  pki: string;
  webhookToken?: string;
  responseSeconds?: number;
  settleSeconds?: number;
  certifierKey?: string;
  certifierPassword?: string;
  skip: string[];
  parallelTriggers: number;
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const splitEnv = (pair: string): [string, string] => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];

function sutEnvValues(values: string[]): string[] {
  for (const pair of values) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(pair)) {
      throw new CliError('CERTIFY-SUT-ENV', `--sut-env "${pair}" phải có dạng TÊN=GIÁ_TRỊ.`, `--sut-env "${pair}" must be NAME=VALUE.`);
    }
  }
  return values;
}

function checkArgs(args: CertifyArgs): { profile: RunProfile; timing: Timing } {
  if (args.sutCmd !== undefined && args.sutImage !== undefined) {
    throw new CliError('CERTIFY-SUT', 'Chọn --sut-cmd hoặc --sut-image, không cả hai.', 'Choose --sut-cmd or --sut-image, not both.');
  }
  if (args.sutEnv.length > 0 && args.sutImage === undefined) {
    throw new CliError('CERTIFY-SUT-ENV', '--sut-env chỉ dùng với --sut-image.', '--sut-env goes with --sut-image.');
  }
  if (!RUN_PROFILES.includes(args.profile as RunProfile)) {
    throw new CliError('CERTIFY-PROFILE', `Hồ sơ không hợp lệ: ${args.profile}`, `Unknown profile: ${args.profile} (core, business, resilience, full)`);
  }
  const remote = [args.axis, args.controlUrl, args.controlToken];
  if (args.serve === remote.some((v) => v !== undefined) || (!args.serve && remote.some((v) => v === undefined))) {
    throw new CliError(
      'CERTIFY-AXIS',
      'Chọn --serve, hoặc cả ba --axis, --control-url và --control-token',
      'Choose --serve, or all three of --axis, --control-url and --control-token',
    );
  }
  if (!Number.isInteger(args.parallelTriggers) || args.parallelTriggers < 1) {
    throw new CliError('CERTIFY-PARALLEL-TRIGGERS', '--parallel-triggers phải là số nguyên dương', '--parallel-triggers must be a positive integer');
  }
  if ((args.certifierKey === undefined) !== (args.certifierPassword === undefined)) {
    throw new CliError('CERTIFY-CERTIFIER', '--certifier-key và --certifier-password đi cùng nhau', '--certifier-key and --certifier-password go together');
  }
  // A certification is about one build of one product: without these it would certify a name.
  if (args.certifierKey !== undefined && (!args.sutSoftware || !args.sutVersion || !args.sutBuild)) {
    throw new CliError(
      'CERTIFY-SUT-IDENTITY',
      'Chứng nhận cần --sut-software, --sut-version và --sut-build của phần mềm được kiểm tra',
      'A certification needs the tested software\'s --sut-software, --sut-version and --sut-build',
    );
  }
  if (!['pass', 'failure'].includes(args.junitWarnAs)) {
    throw new CliError('CERTIFY-JUNIT-WARN', `--junit-warn-as phải là pass hoặc failure`, `--junit-warn-as must be pass or failure (got ${args.junitWarnAs})`);
  }
  try {
    return { profile: args.profile as RunProfile, timing: resolveTiming(args.timing, { responseSeconds: args.responseSeconds, settleSeconds: args.settleSeconds }) };
  } catch (e) {
    throw asCliError(e, 'CERTIFY-TIMING');
  }
}

async function readTrust(paths: string[]): Promise<string[]> {
  const pems: string[] = [];
  for (const path of paths) {
    try {
      pems.push(await readFile(path, 'utf8'));
    } catch (e) {
      throw new CliError('CERTIFY-TRUST', `Không đọc được chứng thư gốc ${path}`, `Cannot read trust root ${path} (${reason(e)})`);
    }
  }
  return pems;
}

async function loadCertifier(args: CertifyArgs, pki: PkiFolder): Promise<Certifier> {
  let certifier: Certifier;
  try {
    certifier = args.certifierKey !== undefined ? loadCertifierP12(await readFile(args.certifierKey), args.certifierPassword ?? '') : certifierFromTestPki(pki.pki);
  } catch (e) {
    throw asCliError(e, 'CERTIFY-CERTIFIER');
  }
  const leaf = new X509Certificate(Buffer.from(certifier.chain[0]));
  const now = Date.now();
  if (new Date(leaf.validFrom).getTime() > now || new Date(leaf.validTo).getTime() < now) {
    throw new CliError('CERTIFY-CERTIFIER-EXPIRED', 'Chứng thư của khoá người chứng nhận không còn hiệu lực', 'The certifier key\'s certificate is not valid now');
  }
  // A key issued under the run's own PKI folder is one the tested party holds: a self-test.
  const own = new Set([pki.pki.root.certificatePem, pki.pki.intermediate.certificatePem].map((pem) => new X509Certificate(pem).fingerprint256));
  if (certifier.chain.some((der) => own.has(new X509Certificate(Buffer.from(der)).fingerprint256))) return { ...certifier, kind: 'self-test' };
  if (certifier.kind === 'self-test' && args.certifierKey !== undefined) {
    process.stderr.write(`truc: ${SIGNER_TEXT['self-test'].vi} / ${SIGNER_TEXT['self-test'].en}\n`);
  }
  return certifier;
}

/** The axis URL must answer something (any HTTP status) before a run can mean anything. */
async function assertAxisReachable(url: string): Promise<void> {
  try {
    await fetch(url, { method: 'GET', signal: AbortSignal.timeout(10_000) });
  } catch (e) {
    throw new CliError('CERTIFY-AXIS-UNREACHABLE', `Không kết nối được trục ${url}; không có kết luận`, `Cannot reach the axis at ${url} (${reason(e)}); no verdict`);
  }
}

/** Everything the session set up, torn down in reverse order whatever happens. */
class Resources {
  private readonly undo: (() => Promise<unknown> | unknown)[] = [];
  add(step: () => Promise<unknown> | unknown): void {
    this.undo.push(step);
  }
  async release(): Promise<void> {
    for (const step of this.undo.splice(0).reverse()) {
      try {
        await step();
      } catch (e) {
        process.stderr.write(`truc: dọn dẹp lỗi / cleanup failed: ${reason(e)}\n`);
      }
    }
  }
}

export const certifyCommand: TrucCommand<CertifyArgs> = {
  builder: (y) =>
    y
      .option('serve', { type: 'boolean', default: false, describe: 'tự chạy trục mô phỏng / serve the simulated axis' })
      .option('port', { type: 'string', default: 8080, coerce: portValue('port'), describe: 'cổng khi --serve / port with --serve' })
      .option('host', { type: 'string', default: '127.0.0.1', describe: 'địa chỉ khi --serve / listen address with --serve' })
      .option('axis', { type: 'string', describe: 'URL trục đang chạy / running axis URL' })
      .option('control-url', { type: 'string', describe: 'URL API điều khiển / control API URL' })
      .option('control-token', { type: 'string', describe: 'mã API điều khiển / control API token' })
      .option('sut-code', { type: 'string', coerce: (code: string) => checkAgencyCode('sut-code', code, ALLOWED_TEST_IDS), describe: 'mã hệ thống cần kiểm tra / systemid of the SUT' })
      .option('secret', { type: 'string', describe: 'khoá bí mật của hệ thống / the SUT secret' })
      .option('driver', { type: 'string', default: 'manual', describe: 'manual | command:"…" | webhook:URL' })
      .option('sut-cmd', { type: 'string', describe: 'lệnh khởi động hệ thống / command starting the SUT' })
      .option('sut-image', { type: 'string', describe: 'ảnh container của hệ thống (mạng host) / container image of the SUT (host network)' })
      .option('sut-env', { type: 'string', array: true, default: [], coerce: sutEnvValues, describe: 'biến môi trường thêm cho --sut-image / extra env for --sut-image KEY=VALUE' })
      .option('trust', { type: 'string', array: true, default: [], describe: 'chứng thư gốc thêm / added trust root PEM' })
      .option('timing', { type: 'string', default: 'certification', describe: 'ci | certification' })
      .option('profile', { type: 'string', default: 'core', describe: 'core | business | resilience | full' })
      .option('out', { type: 'string', describe: 'thư mục kết quả / output folder' })
      .option('junit', { type: 'string', describe: 'bản sao junit.xml / extra junit.xml copy' })
      .option('sut-software', { type: 'string', describe: 'tên phần mềm / SUT software name' })
      .option('sut-version', { type: 'string', describe: 'phiên bản / SUT version' })
      .option('sut-build', { type: 'string', describe: 'mã bản dựng (commit, số build) / SUT build id' })
      .option('junit-warn-as', { type: 'string', default: 'pass', describe: 'cảnh báo trong junit.xml: pass | failure / warnings in junit.xml' })
      .option('rerun-failed', { type: 'string', describe: 'chạy lại các ca không đạt của thư mục kết quả này / re-run the failed cases of this run folder' })
      .option('pki', { type: 'string', default: DEFAULT_PKI_DIR, describe: 'thư mục PKI thử nghiệm / test PKI folder' })
      .option('webhook-token', { type: 'string', describe: 'giá trị X-Truc-Token / X-Truc-Token value' })
      .option('response-seconds', { type: 'number', describe: 'hạn trả lời (giây) / response deadline (s)' })
      .option('settle-seconds', { type: 'number', describe: 'cửa sổ lắng (giây) / settle window (s)' })
      .option('certifier-key', { type: 'string', describe: 'khoá người chứng nhận (.p12) / certifier key (.p12)' })
      .option('certifier-password', { type: 'string', describe: 'mật khẩu .p12 / .p12 password' })
      .option('skip', { type: 'string', array: true, default: [], describe: 'ca người vận hành bỏ qua / cases the operator skips' })
      .option('parallel-triggers', {
        type: 'number',
        default: 1,
        describe: 'số lệnh kích hoạt cùng lúc / triggers given to the driver at once',
      }) as never,
  run: async (args) => {
    const checked = checkArgs(args);
    const { timing } = checked;
    let rerun: RerunPlan | undefined;
    if (args.rerunFailed !== undefined) {
      try {
        rerun = await planRerun(args.rerunFailed);
      } catch (e) {
        throw asCliError(e, 'CERTIFY-RERUN');
      }
    }
    const profile = rerun?.profile ?? checked.profile;
    const sutCode = args.sutCode ?? rerun?.sutCode;
    if (!sutCode) throw new CliError('CERTIFY-SUT-CODE', 'Cần --sut-code (mã hệ thống cần kiểm tra)', '--sut-code (the systemid of the system under test) is required');
    let driverSpec;
    try {
      driverSpec = parseDriverSpec(args.driver);
    } catch (e) {
      throw asCliError(e, 'CERTIFY-DRIVER');
    }
    // Drivers the chosen mode cannot build are refused now, before any axis or SUT starts.
    if (driverSpec.kind === 'in-process') {
      throw new CliError(
        'CERTIFY-DRIVER',
        'Trình điều khiển in-process chỉ dùng với truc demo (hệ thống chạy trong cùng tiến trình); hãy chọn manual, command:"…" hoặc webhook:URL.',
        'The in-process driver is only for truc demo (the system in this process); choose manual, command:"…" or webhook:URL.',
      );
    }
    if (driverSpec.kind === 'webhook' && !args.webhookToken) {
      throw new CliError('CERTIFY-DRIVER', 'Trình điều khiển webhook cần --webhook-token.', 'The webhook driver needs --webhook-token.');
    }
    if (args.out !== undefined) {
      try {
        await assertOutputDirFree(args.out);
      } catch (e) {
        throw asCliError(e, 'CERTIFY-OUT');
      }
    }
    const added = await readTrust(args.trust);
    let pki: PkiFolder;
    try {
      pki = await openPkiFolder(args.pki, { create: true });
    } catch (e) {
      throw new CliError('CERTIFY-PKI', `Không mở được thư mục PKI ${args.pki}`, `Cannot open the PKI folder ${args.pki} (${reason(e)})`);
    }
    const certifier = await loadCertifier(args, pki);
    const { trustAnchors } = runTrust(pki, added);
    const runId = newRunId();
    // Registered on the axis before the SUT starts, so its first calls already carry the run's label.
    const registration = { runId, sutCode, agencies: counterpartsOf(allCases) };
    const resources = new Resources();
    const sutLog: string[] = [];
    // Remote: the sandbox judges signatures with its own anchors; the SUT gets those, and a run whose
    // counterparts sign with a PKI the sandbox does not trust is refused before it starts.
    let sandboxAnchors: string[] | undefined;
    if (!args.serve) {
      // An axis that does not answer is a configuration error, found before anything else is asked of it.
      await assertAxisReachable(args.axis!.replace(/\/+$/, ''));
      try {
        sandboxAnchors = await fetchSandboxTrust(args.controlUrl!, args.controlToken!);
        if (sandboxAnchors) assertSandboxTrusts(sandboxAnchors, pki.trustAnchorsPem, args.controlUrl!);
      } catch (e) {
        if (e instanceof SandboxTrustError) throw new CliError(e.code, e.vi, e.en);
        throw new CliError('CERTIFY-CONTROL-UNREACHABLE', `Không kết nối được API điều khiển ${args.controlUrl}; không có kết luận`, `Cannot reach the control API at ${args.controlUrl} (${reason(e)}); no verdict`);
      }
    }
    // The first Ctrl-C ends the run early: unfinished cases end skipped by the operator and the
    // partial report is written (verdict incomplete). A second one, or SIGTERM, leaves at once;
    // the SUT runs in its own process group (so it can be stopped whole) and is stopped with the
    // server before leaving, or they would outlive truc.
    const interrupt = new AbortController();
    const interrupted = async (signal: NodeJS.Signals) => {
      if (signal === 'SIGINT' && !interrupt.signal.aborted) {
        process.stderr.write('\ntruc: dừng lượt chạy, đang ghi báo cáo dở dang (Ctrl-C lần nữa để thoát ngay) / stopping the run, writing the partial report (Ctrl-C again to leave at once)\n');
        interrupt.abort();
        process.once('SIGINT', interrupted);
        return;
      }
      process.stderr.write(`truc: dừng giữa chừng / interrupted (${signal})\n`);
      await resources.release();
      process.exit(2);
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    let recorder: RunRecorder | undefined;
    try {
      let port: SimulatorPort;
      let axisUrl: string;
      let sink: RunSink;
      if (args.serve) {
        const { axis } = await startEmbeddedSimulator({ pki, extraRootsPem: added, sut: { code: sutCode, secret: args.secret } });
        resources.add(() => axis.close());
        let server: RunningServer;
        try {
          server = await startServer(axis.app, { host: args.host, port: args.port });
        } catch (e) {
          throw new CliError('CERTIFY-LISTEN', `Không lắng nghe được tại ${args.host}:${args.port}`, `Cannot listen on ${args.host}:${args.port} (${reason(e)})`);
        }
        resources.add(() => server.close());
        axisUrl = server.origin;
        port = await inProcessAxisPort(axis, registration);
        sink = storeRunSink(axis.core);
      } else {
        // Handed over without a trailing slash: the Java SDK would call `//operation`.
        axisUrl = args.axis!.replace(/\/+$/, '');
        port = await remoteAxisPort({ controlUrl: args.controlUrl!, token: args.controlToken!, run: registration });
        sink = controlRunSink(args.controlUrl!, args.controlToken!);
      }
      resources.add(() => port.close());
      const secret = await port.ensureSystem(sutCode, args.secret);
      const name = await port.ensureAgency(sutCode, sutCode);
      process.stdout.write(
        [
          `truc: trục / axis: ${axisUrl}`,
          `truc: systemid: ${sutCode}`,
          `truc: secret: ${secret}`,
          `truc: lượt / run: ${runId} · ${profile} · ${timing.profile} (${timing.responseSeconds} s / ${timing.settleSeconds} s)`,
        ].join('\n') + '\n',
      );

      const sut = { code: sutCode, name, software: args.sutSoftware, version: args.sutVersion, build: args.sutBuild };
      // The sandbox records the run as it goes, so its console shows it live and afterwards.
      recorder = createRunRecorder(sink, {
        runId,
        sut,
        profile,
        timing,
        connection: { axisUrl, systemId: sutCode },
        only: rerun?.caseIds,
        also: createProgressReporter(process.stderr),
        onSinkError: (e) => process.stderr.write(`truc: không ghi được lượt vào trục / cannot record the run in the sandbox: ${reason(e)}\n`),
      });

      const trustDir = await mkdtemp(join(tmpdir(), 'truc-trust-'));
      resources.add(() => rm(trustDir, { recursive: true, force: true }));
      const trustPem = join(trustDir, 'trust.pem');
      // The PKI folder's own CRL file: the folder rewrites it when a case revokes a certificate
      // during the run (SG-06), so a SUT re-reading TRUC_CRL_PEM sees the revocation.
      const crlPath = join(pki.dir, 'crl.pem');
      await writeFile(trustPem, (sandboxAnchors ?? trustAnchors).map((p) => p.trim()).join('\n') + '\n');

      const sutEnv: SutEnvironment = { TRUC_AXIS_URL: axisUrl, TRUC_SYSTEM_ID: sutCode, TRUC_SECRET: secret, TRUC_TRUST_PEM: trustPem, TRUC_CRL_PEM: crlPath };
      const sutOutput = (line: string) => {
        sutLog.push(line);
        process.stderr.write(`[sut] ${line}\n`);
      };
      if (args.sutCmd || args.sutImage) {
        const sut: SutProcess = args.sutImage
          ? await startSutContainer({ image: args.sutImage, env: { ...Object.fromEntries(args.sutEnv.map(splitEnv)), ...sutEnv, TRUC_PKI_DIR: pki.dir }, mounts: [trustDir, pki.dir], onOutput: sutOutput })
          : startSutProcess(args.sutCmd!, sutEnv, sutOutput);
        resources.add(() => sut.stop());
        // A command that cannot start, or stops before talking to the axis, is a setup mistake
        // (exit 127: no such program): no verdict and no certificate can be about that system.
        const first = await Promise.race([
          waitForSutTraffic(port.journal, sutCode, timing.responseSeconds * 1000).then((traffic) => (traffic ? 'traffic' : 'silent')),
          sut.ended.then(() => 'ended' as const),
        ]);
        if (first === 'ended') {
          const end = sut.exited();
          throw new CliError(
            'CERTIFY-SUT-EXITED',
            `${args.sutImage ? 'Container --sut-image' : 'Lệnh --sut-cmd'} đã dừng (${end?.signal ?? end?.code ?? '?'}) trước khi gọi trục; không có kết luận`,
            `The ${args.sutImage ? '--sut-image container' : '--sut-cmd command'} ended (${end?.signal ?? end?.code ?? '?'}) before calling the axis; no verdict`,
          );
        }
        if (first === 'silent') {
          process.stderr.write(
            `truc: hệ thống chưa gọi trục sau ${timing.responseSeconds} giây; vẫn chạy / the system has not called the axis after ${timing.responseSeconds} s; running anyway\n`,
          );
        }
      }

      let driver: Driver;
      try {
        driver = createDriver(driverSpec, {
          sutEnv,
          webhookToken: args.webhookToken,
          input: process.stdin,
          output: process.stderr,
        });
      } catch (e) {
        throw asCliError(e, 'CERTIFY-DRIVER');
      }
      resources.add(() => driver.close?.());

      const ran = await runSuite({
        runId,
        profile,
        timing,
        sut,
        cases: allCases,
        only: rerun?.caseIds,
        port,
        driver,
        suiteVersion: SUITE_VERSION,
        pki,
        operatorSkip: args.skip,
        parallelTriggers: args.parallelTriggers,
        interrupt: interrupt.signal,
        progress: recorder,
      });
      const record = rerun ? asRerun(ran, rerun.previous) : ran;
      await recorder.finished(record);
      // The SUT's own output is evidence: certified with the reports (sut.log).
      const outputs = await writeRun(record, { evidence: args.sutCmd || args.sutImage ? { 'sut.log': sutLog.join('\n') + '\n' } : undefined, dir: args.out, junit: args.junit, junitOptions: { warnAs: args.junitWarnAs as 'pass' | 'failure' }, certifier, pki });
      printRunSummary(record, outputs.dir);
      return exitCodeOf(record.verdict);
    } catch (e) {
      const error = asCliError(e, 'CERTIFY-HARNESS');
      await recorder?.aborted({ vi: error.vi, en: error.en });
      throw error;
    } finally {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      await resources.release();
    }
  },
};
