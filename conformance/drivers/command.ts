// The command driver: a vendor's shell command template runs once per trigger with the trigger
// JSON in a file. Exit 0 = accepted, exit 1 = refused, anything else (other code, signal, cannot
// start, too slow) = the harness could not ask. Everything it prints is kept as evidence.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SutEnvironment } from '../sut-process.ts';
import { capOutput, type Driver, type TriggerOutcome } from './driver.ts';

export interface CommandDriverOptions {
  /** Shell command line, run with `sh -c`. */
  command: string;
  /**
   * The environment `--sut-cmd` gets (axis URL, systemid, secret, trust files): a vendor's trigger
   * is often its own system's command line, built on the same SDK, and needs the same configuration.
   */
  sutEnv: SutEnvironment;
  /** Kill the command after this long and report `error` (default 60 s). */
  timeoutMs?: number;
  /** Extra environment (tests; TRUC_* variables always win). */
  env?: Record<string, string>;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  spawnError?: Error;
  timedOut: boolean;
  output: string;
}

function runShell(command: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Exit> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    // Own process group, so a timeout kills the whole pipeline, not just the shell (whose children
    // would otherwise keep the output pipes open).
    const child = spawn('sh', ['-c', command], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const collect = (chunk: Buffer) => {
      if (output.length < 2 * 64 * 1024) output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (spawnError) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, spawnError, timedOut, output });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, output });
    });
  });
}

export function createCommandDriver(options: CommandDriverOptions): Driver {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return {
    name: 'command',
    async trigger({ trigger }): Promise<TriggerOutcome> {
      const dir = await mkdtemp(join(tmpdir(), 'truc-trigger-'));
      try {
        const file = join(dir, `${trigger.case}-${trigger.action}.json`);
        await writeFile(file, `${JSON.stringify(trigger, null, 2)}\n`, 'utf8');
        const env = {
          ...process.env,
          ...options.env,
          ...options.sutEnv,
          TRUC_TRIGGER_FILE: file,
        };
        const exit = await runShell(options.command, env, timeoutMs);
        const output = capOutput(exit.output);
        if (exit.code === 0) return { kind: 'accepted', output };
        if (exit.code === 1) {
          return { kind: 'refused', output, reason: { vi: 'Lệnh kích hoạt trả mã 1 (từ chối)', en: 'The trigger command exited 1 (refused)' } };
        }
        const why = exit.spawnError
          ? { vi: `không chạy được: ${exit.spawnError.message}`, en: `could not start: ${exit.spawnError.message}` }
          : exit.timedOut
            ? { vi: `quá ${timeoutMs / 1000} giây`, en: `took longer than ${timeoutMs / 1000} s` }
            : exit.signal
              ? { vi: `bị dừng bởi tín hiệu ${exit.signal}`, en: `was killed by ${exit.signal}` }
              : { vi: `trả mã ${exit.code}`, en: `exited ${exit.code}` };
        return { kind: 'error', output, reason: { vi: `Lệnh kích hoạt ${why.vi}`, en: `The trigger command ${why.en}` } };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
