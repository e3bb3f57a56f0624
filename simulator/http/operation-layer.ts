// Dispatch layer: the path names the operation; unknown names and wrong methods get the envelope.
import type { MiddlewareHandler } from 'hono';
import { OPERATIONS } from '../operations/index.ts';
import type { AxisEnv } from './context.ts';
import { fail } from './envelope.ts';

export const operationLayer: MiddlewareHandler<AxisEnv> = async (c, next) => {
  const name = c.req.param('operation') ?? '';
  const operation = OPERATIONS.get(name);
  if (!operation) return fail(c, 'UNKNOWN_OPERATION', name.slice(0, 64));
  c.get('exchange').operation = operation.name;
  c.set('operation', operation);
  if (c.req.method !== operation.method) return fail(c, 'METHOD_NOT_ALLOWED', `${operation.name} dung ${operation.method}`);
  await next();
};
