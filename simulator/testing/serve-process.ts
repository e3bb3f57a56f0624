// `truc serve` as a child process, for tests and benchmarks that need real processes: replicas on
// one PostgreSQL database, SIGKILL, restarts.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TRUC = fileURLToPath(new URL('../../bin/truc.js', import.meta.url));

export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  /** Operations base URL, no trailing slash. */
  baseUrl: string;
  /** Control API base URL, no trailing slash. */
  controlUrl: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything printed so far. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `truc serve ARGS --port 0 --host 127.0.0.1` and resolves once it prints where it listens. */
export function startServeProcess(args: string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, [TRUC, 'serve', '--port', '0', '--host', '127.0.0.1', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let stdout = '';
  let stderr = '';
  const output = () => stdout + stderr;
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const base = /simulated axis: (http:\/\/\S+)/.exec(stdout)?.[1];
      const control = /control API: (http:\/\/\S+)/.exec(stdout)?.[1];
      if (base && control) resolve({ child, baseUrl: base.replace(/\/$/, ''), controlUrl: control.replace(/\/$/, ''), exited, output, kill });
    });
    void exited.then(({ code, signal }) => reject(new Error(`truc serve ended (${code ?? signal}) before listening: ${stderr}`)));
  });
}
