// `--sut-cmd`: the suite starts the SUT itself, with the axis, its credentials and the run's
// trust material in its environment (spec "SUT-initiated actions"), and stops it at the end.
import { spawn, type ChildProcess } from 'node:child_process';

export interface SutEnvironment {
  TRUC_AXIS_URL: string;
  TRUC_SYSTEM_ID: string;
  TRUC_SECRET: string;
  /** Path of the run's trust anchors (PEM). */
  TRUC_TRUST_PEM: string;
  /** Path of the run's revocation list (PEM). */
  TRUC_CRL_PEM: string;
}

export interface SutProcess {
  /** Exit code or signal once it ended on its own; undefined while running. */
  exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** Resolves when the process has ended, on its own or stopped. */
  ended: Promise<void>;
  /** SIGTERM to its process group, SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
};

export function startSutProcess(command: string, env: SutEnvironment, onOutput: (line: string) => void): SutProcess {
  const child = spawn('sh', ['-c', command], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let ended: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let stopping = false;
  const done = new Promise<void>((resolve) => {
    child.on('error', (e) => {
      onOutput(`không chạy được / cannot start: ${e.message}`);
      ended = { code: null, signal: null };
      resolve();
    });
    child.on('close', (code, signal) => {
      ended = { code, signal };
      // A SUT that dies on its own explains every failure that follows: say so where it is seen.
      if (!stopping) onOutput(`đã dừng / exited (${signal ?? code})`);
      resolve();
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) onOutput(line);
    });
  }
  return {
    exited: () => ended,
    ended: done,
    async stop(graceMs = 5_000) {
      if (ended) return;
      stopping = true;
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
      await done;
      clearTimeout(timer);
    },
  };
}
