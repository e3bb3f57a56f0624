// `--sut-image`: the SUT shipped as a container image, started through Testcontainers with the
// same TRUC_* environment as `--sut-cmd`, on the host's network (the axis listens on loopback),
// with the run's trust files and the test PKI folder mounted at the same paths, running as the
// invoking user so that what it writes there stays usable. Its output is kept as evidence.
import type { SutEnvironment, SutProcess } from './sut-process.ts';

export class SutContainerError extends Error {
  constructor(
    readonly code: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface SutContainerOptions {
  image: string;
  env: SutEnvironment & Record<string, string>;
  /** Host folders mounted read-write at the same path inside the container. */
  mounts: string[];
  onOutput: (line: string) => void;
  startupTimeoutMs?: number;
}

/** testcontainers is an optional peer dependency: only `--sut-image` and `truc/testcontainers` need it. */
export async function loadTestcontainers(): Promise<typeof import('testcontainers')> {
  // This process is truc's own, so it may set Testcontainers' globals (unless the user did):
  // Ryuk, the reaper container, would have to be pulled from a registry, and truc stops its
  // containers itself; and with host networking the container's ports are the host's loopback
  // (without the override Testcontainers looks for a `bridge` network, absent with --bridge=none).
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= '127.0.0.1';
  try {
    return await import('testcontainers');
  } catch {
    throw new SutContainerError(
      'SUT-IMAGE-TESTCONTAINERS',
      'Cần gói testcontainers để chạy ảnh: npm install testcontainers',
      'Running an image needs the testcontainers package: npm install testcontainers',
    );
  }
}

export async function startSutContainer(options: SutContainerOptions): Promise<SutProcess> {
  const { GenericContainer } = await loadTestcontainers();
  let ended: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let stopping = false;
  let markEnded!: () => void;
  const done = new Promise<void>((resolve) => (markEnded = resolve));
  const user = process.getuid && process.getgid ? `${process.getuid()}:${process.getgid()}` : undefined;
  let container = new GenericContainer(options.image)
    .withNetworkMode('host')
    .withEnvironment(options.env)
    .withBindMounts(options.mounts.map((path) => ({ source: path, target: path, mode: 'rw' as const })))
    .withStartupTimeout(options.startupTimeoutMs ?? 60_000)
    .withLogConsumer((stream) => {
      let partial = '';
      stream.on('data', (chunk: Buffer | string) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) options.onOutput(line);
      });
      stream.on('end', () => {
        if (partial) options.onOutput(partial);
        ended = { code: null, signal: null };
        // A container that stops on its own explains every failure that follows: say so.
        if (!stopping) options.onOutput('đã dừng / exited');
        markEnded();
      });
    });
  if (user) container = container.withUser(user);
  let started: Awaited<ReturnType<typeof container.start>>;
  try {
    started = await container.start();
  } catch (e) {
    throw new SutContainerError(
      'SUT-IMAGE-START',
      `Không khởi động được ảnh ${options.image}.`,
      `Cannot start image ${options.image} (${e instanceof Error ? e.message.split('\n')[0] : String(e)}).`,
    );
  }
  return {
    exited: () => ended,
    ended: done,
    async stop(graceMs = 5_000) {
      if (ended) return;
      stopping = true;
      // SIGTERM, then SIGKILL after the grace period; the container is removed.
      await started.stop({ timeout: graceMs });
      ended ??= { code: null, signal: 'SIGTERM' };
      markEnded();
    },
  };
}
