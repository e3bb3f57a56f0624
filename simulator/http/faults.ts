// Faults layer: applies the control API's faults to matching calls before the operation runs, so a
// FAIL or a dropped call never stores anything.
import type { MiddlewareHandler } from 'hono';
import { AXIS_ERRORS } from '../errors.ts';
import type { AxisContext, AxisEnv } from './context.ts';
import { fail } from './envelope.ts';

/** Marks a reply whose connection the shell must drop (in-process shells cannot close a socket). */
export const DROP_HEADER = 'x-truc-fault';

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

function drop(c: AxisContext): Response {
  const exchange = c.get('exchange');
  exchange.dropped = true;
  exchange.outcome = { status: 'FAIL', errorCode: AXIS_ERRORS.FAULT_INJECTED.code, errorDesc: 'connection dropped' };
  c.env?.incoming?.socket?.destroy();
  return new Response(null, { status: 503, headers: { [DROP_HEADER]: 'drop' } });
}

export const faultsLayer: MiddlewareHandler<AxisEnv> = async (c, next) => {
  const { core, exchange } = c.var;
  const fault = core.faults.take(exchange.operation, exchange.caller);
  if (!fault) return next();
  exchange.fault = `${fault.kind}:${fault.id}`;
  const signal = c.req.raw.signal;
  switch (fault.kind) {
    case 'fail':
      return fail(c, 'FAULT_INJECTED');
    case 'http': {
      const response = fail(c, 'FAULT_INJECTED');
      return new Response(response.body, { status: fault.httpStatus ?? 503, headers: response.headers });
    }
    case 'delay':
      await sleep(fault.delayMs ?? 1000, signal);
      return next();
    case 'drop':
      return drop(c);
    case 'silence': {
      const until = fault.until ? Date.parse(fault.until) - core.clock().getTime() : (fault.delayMs ?? 5000);
      await sleep(Math.max(0, until), signal);
      return drop(c);
    }
  }
};
