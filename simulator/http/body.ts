// Body layer: reads the whole body once, within the configured limit, for the operation and the
// journal. Runs after dispatch so a 413 still carries the operation's failure fields.
import type { MiddlewareHandler } from 'hono';
import type { AxisEnv } from './context.ts';
import { fail } from './envelope.ts';

type BodyRead = { ok: true; body: Uint8Array } | { ok: false };

async function readBody(request: Request, limit: number): Promise<BodyRead> {
  const length = request.headers.get('content-length');
  const declared = length === null ? undefined : Number(length);
  if (declared !== undefined && declared > limit) return { ok: false };
  if (declared === 0 || !request.body) return { ok: true, body: new Uint8Array(0) };
  // A declared length within the limit can be read in one go (much cheaper on @hono/node-server);
  // chunked bodies are counted as they stream in.
  if (declared !== undefined && Number.isInteger(declared)) return { ok: true, body: new Uint8Array(await request.arrayBuffer()) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, body: Buffer.concat(chunks) };
}

export const bodyLayer: MiddlewareHandler<AxisEnv> = async (c, next) => {
  const limit = c.get('core').options.maxBody;
  const read = await readBody(c.req.raw, limit);
  if (!read.ok) return fail(c, 'PAYLOAD_TOO_LARGE', `gioi han ${limit} byte`);
  c.get('exchange').body = read.body;
  await next();
};
