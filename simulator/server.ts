// The HTTP shell: the axis app on @hono/node-server. Node answers `Expect: 100-continue` itself,
// which the Java client needs (it stalls ~3 s otherwise), so nothing here may override it.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

export interface RunningServer {
  /** `http://host:port` (no trailing slash). */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** Anything with a fetch handler: the axis app, or a bare hono app (benchmarks). */
export interface FetchApp {
  fetch(request: Request, env?: never): Response | Promise<Response>;
}

export function startServer(app: FetchApp, options: { host: string; port: number }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: (request, env) => app.fetch(request, env as never), hostname: options.host, port: options.port }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      // After start, a server error (e.g. out of file descriptors) is reported, never a crash.
      server.on('error', (e) => process.stderr.write(`truc: [AXIS-SERVER] Lỗi máy chủ HTTP / HTTP server error: ${e.message}\n`));
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        origin: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            // SSE followers keep connections open: end them, or close() would wait forever.
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
