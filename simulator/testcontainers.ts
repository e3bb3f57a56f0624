// `truc/testcontainers`: the simulated axis as a Testcontainers module for a vendor's Node tests,
// on the `truc` image (`npm run image`). The container uses the host's network (Docker engines
// without a bridge work too) and a free port chosen by the server; the ready wait is the server's
// start line, then /healthz answering. testcontainers is an optional peer dependency of truc.
// On an engine without a bridge network and with no registry (as on truc's CI), set
// TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 and TESTCONTAINERS_RYUK_DISABLED=true (docs/testcontainers.md).
import { randomBytes } from 'node:crypto';
import type { StartedTestContainer } from 'testcontainers';

export interface TrucSystem {
  systemId: string;
  secret: string;
}

const START_LINE = /simulated axis: (http:\/\/\S+)/;
const CONTROL_LINE = /control API: (http:\/\/\S+)/;
const DEMO_SYSTEM_LINE = /^\s+(\S+) = (\S+)$/;

export class TrucAxisContainer {
  private systems: TrucSystem[] = [];
  private controlToken = randomBytes(24).toString('base64url');
  private prefix = '/';
  private port = 0;
  private durable = false;
  private startupTimeoutMs = 120_000;
  private extraArgs: string[] = [];

  constructor(private readonly image = 'truc:latest') {}

  /** A connected system (systemid and secret); without any, the demo systems are connected. */
  withSystem(systemId: string, secret: string): this {
    this.systems.push({ systemId, secret });
    return this;
  }

  withControlToken(token: string): this {
    this.controlToken = token;
    return this;
  }

  /** Where the operations are served, e.g. `/XrdAdapter/adapter` (default `/`). */
  withPrefix(prefix: string): this {
    this.prefix = prefix;
    return this;
  }

  /** A fixed port on the host (default: a free one). */
  withPort(port: number): this {
    this.port = port;
    return this;
  }

  /** The durable embedded store on the container's /data volume (default: in memory, faster to start). */
  withDurableStore(): this {
    this.durable = true;
    return this;
  }

  /** More `truc serve` flags, e.g. `['--strict']`. */
  withServeArgs(...args: string[]): this {
    this.extraArgs.push(...args);
    return this;
  }

  withStartupTimeout(ms: number): this {
    this.startupTimeoutMs = ms;
    return this;
  }

  async start(): Promise<StartedTrucAxisContainer> {
    const { GenericContainer, Wait } = await import('testcontainers');
    const lines: string[] = [];
    const command = [
      'serve',
      '--host',
      '127.0.0.1',
      '--port',
      String(this.port),
      '--prefix',
      this.prefix,
      '--control-token',
      this.controlToken,
      ...(this.durable ? ['--data', '/data'] : ['--memory']),
      ...this.systems.flatMap((s) => ['--system', `${s.systemId}=${s.secret}`]),
      ...this.extraArgs,
    ];
    const container = await new GenericContainer(this.image)
      .withNetworkMode('host')
      .withCommand(command)
      .withLogConsumer((stream) => {
        let partial = '';
        stream.on('data', (chunk: Buffer | string) => {
          const parts = (partial + chunk.toString()).split('\n');
          partial = parts.pop() ?? '';
          lines.push(...parts);
        });
      })
      .withWaitStrategy(Wait.forLogMessage(CONTROL_LINE))
      .withStartupTimeout(this.startupTimeoutMs)
      .start();
    const started = new StartedTrucAxisContainer(container, lines, this.systems, this.controlToken);
    await started.waitUntilHealthy(this.startupTimeoutMs);
    return started;
  }
}

export class StartedTrucAxisContainer {
  private readonly axisUrl: string;
  private readonly controlUrl: string;
  private readonly systems: TrucSystem[];

  constructor(
    readonly container: StartedTestContainer,
    private readonly lines: string[],
    systems: TrucSystem[],
    private readonly controlToken: string,
  ) {
    const axis = lines.map((l) => START_LINE.exec(l)?.[1]).find(Boolean);
    const control = lines.map((l) => CONTROL_LINE.exec(l)?.[1]).find(Boolean);
    if (!axis || !control) throw new Error(`truc container: no start line in its output:\n${lines.join('\n')}`);
    this.axisUrl = axis.replace(/\/+$/, '');
    this.controlUrl = control.replace(/\/+$/, '');
    this.systems = systems.length > 0 ? systems : lines.flatMap((l) => {
      const m = DEMO_SYSTEM_LINE.exec(l);
      return m ? [{ systemId: m[1], secret: m[2] }] : [];
    });
  }

  /** The operations' base URL, without a trailing slash: `${getAxisUrl()}/sendEdoc`. */
  getAxisUrl(): string {
    return this.axisUrl;
  }

  /** The connected systems with their secrets. */
  getSystems(): TrucSystem[] {
    return this.systems.map((s) => ({ ...s }));
  }

  /** The control API's base URL, without a trailing slash. */
  getControlUrl(): string {
    return this.controlUrl;
  }

  /** The bearer token of the control API. */
  getControlToken(): string {
    return this.controlToken;
  }

  /** What the server printed so far. */
  getLogs(): string {
    return this.lines.join('\n');
  }

  /** Resolves once /healthz answers ok. */
  async waitUntilHealthy(timeoutMs = 60_000): Promise<void> {
    const health = `${new URL(this.axisUrl).origin}/healthz`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        if ((await fetch(health)).ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`truc container: ${health} not ok after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** SIGTERM (the server closes its store cleanly), then removal. */
  async stop(): Promise<void> {
    await this.container.stop({ timeout: 10_000 });
  }
}
