// `truc load`: realistic traffic through a running sandbox (loopback only), with throughput,
// latency per operation, errors and lost packets; exit 1 when the axis lost an acknowledged packet.
import { CliError, EXIT_FINDINGS, EXIT_OK, type TrucCommand } from '../command.ts';
import { controlClient, provisionUnits } from '../load/provision.ts';
import { formatLoadResult, progressLine } from '../load/report.ts';
import { runLoad } from '../load/traffic.ts';

interface LoadArgs {
  axis: string;
  controlUrl: string;
  controlToken: string;
  agencies: number;
  unitsPerAgency: number;
  docsPerMinute: number;
  duration: number;
  sutCode?: string;
  pollSeconds: number;
  json: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function loopbackUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError('LOAD-URL', `${flag} "${value}" không phải URL.`, `${flag} "${value}" is not a URL.`);
  }
  if (!LOOPBACK.has(url.hostname) && !url.hostname.startsWith('127.')) {
    throw new CliError('LOAD-NOT-LOOPBACK', `${flag}: chỉ tải thử trên máy này (127.0.0.1, ::1).`, `${flag}: load runs only against this machine (127.0.0.1, ::1).`);
  }
  return value.replace(/\/+$/, '');
}

function bounded(flag: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new CliError('LOAD-VALUE', `${flag} phải trong khoảng ${min}–${max}.`, `${flag} must be between ${min} and ${max}.`);
  }
  return value;
}

export const loadCommand: TrucCommand<LoadArgs> = {
  builder: (y) =>
    y
      .option('axis', { type: 'string', demandOption: true, describe: 'URL trục / axis base URL (loopback)' })
      .option('control-url', { type: 'string', demandOption: true, describe: 'URL API điều khiển / control API URL' })
      .option('control-token', { type: 'string', demandOption: true, describe: 'mã điều khiển hoặc của bên thuê / control or tenant token' })
      .option('agencies', { type: 'number', default: 5, describe: 'số cơ quan / agencies (1–99)' })
      .option('units-per-agency', { type: 'number', default: 2, describe: 'đơn vị mỗi cơ quan / units per agency (1–99)' })
      .option('docs-per-minute', { type: 'number', default: 60, describe: 'văn bản mỗi phút / documents per minute' })
      .option('duration', { type: 'number', default: 30, describe: 'thời gian gửi (giây) / sending time in seconds (≤ 3600)' })
      .option('sut-code', { type: 'string', describe: 'mã hệ thống được kiểm thử / the SUT agency code (receives every 10th document)' })
      .option('poll-seconds', { type: 'number', default: 10, describe: 'chu kỳ hỏi hộp thư / mailbox poll interval' })
      .option('json', { type: 'boolean', default: false, describe: 'in một đối tượng JSON / print one JSON object' }) as never,
  run: async (args) => {
    const axis = loopbackUrl('--axis', args.axis);
    const controlUrl = loopbackUrl('--control-url', args.controlUrl);
    const agencies = bounded('--agencies', args.agencies, 1, 99);
    const unitsPerAgency = bounded('--units-per-agency', args.unitsPerAgency, 1, 99);
    if (!Number.isInteger(agencies) || !Number.isInteger(unitsPerAgency)) {
      throw new CliError('LOAD-VALUE', '--agencies và --units-per-agency phải là số nguyên.', '--agencies and --units-per-agency must be integers.');
    }
    const docsPerMinute = bounded('--docs-per-minute', args.docsPerMinute, 1, 60_000);
    const duration = bounded('--duration', args.duration, 1, 3600);
    const pollSeconds = bounded('--poll-seconds', args.pollSeconds, 0.1, 600);
    const control = controlClient(controlUrl, args.controlToken);
    const who = await control.call('GET', '/whoami').catch((e: unknown) => {
      throw new CliError('LOAD-CONTROL', `Không kết nối được API điều khiển ${controlUrl}.`, `Cannot reach the control API ${controlUrl} (${e instanceof Error ? e.message : String(e)}).`);
    });
    if (!who.ok) throw new CliError('LOAD-CONTROL', `API điều khiển từ chối mã (HTTP ${who.status}).`, `The control API refused the token (HTTP ${who.status}).`);
    process.stderr.write(`truc load: tạo ${agencies * unitsPerAgency} đơn vị / provisioning ${agencies * unitsPerAgency} units…\n`);
    const units = await provisionUnits(control, agencies, unitsPerAgency);
    const live = process.stderr.isTTY;
    const result = await runLoad({
      axisUrl: axis,
      units,
      docsPerMinute,
      durationSeconds: duration,
      sutCode: args.sutCode,
      pollSeconds,
      control,
      onProgress: (p) => process.stderr.write(live ? `\r${progressLine(p)}\x1b[K` : `${progressLine(p)}\n`),
    });
    if (live) process.stderr.write('\n');
    process.stdout.write(args.json ? `${JSON.stringify(result)}\n` : formatLoadResult(result));
    return result.lost > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};
