// The JSON envelope every reply carries (status, ErrorCode, ErrorDesc, then the operation's
// fields), and the one place outcomes are recorded for the journal.
import { AXIS_ERRORS, type AxisErrorName } from '../errors.ts';
import { toAscii } from '../protocol/ascii.ts';
import type { AxisContext } from './context.ts';

export function ok(c: AxisContext, extras: Record<string, unknown> = {}): Response {
  const { code, desc } = AXIS_ERRORS.OK;
  const exchange = c.get('exchange');
  if (exchange) exchange.outcome = { status: 'OK', errorCode: code, errorDesc: desc };
  return c.json({ status: 'OK', ErrorCode: code, ErrorDesc: desc, ...extras }, 200);
}

/**
 * A FAIL envelope. The operation's failure fields (`DocId: ""`, `data: []`, `count: 0`) keep the
 * Java client from crashing on missing fields; `detail` is appended, folded to ASCII.
 */
export function fail(c: AxisContext, name: AxisErrorName, detail?: string): Response {
  const def = AXIS_ERRORS[name];
  const desc = detail ? `${def.desc}: ${toAscii(detail)}` : def.desc;
  const exchange = c.get('exchange');
  if (exchange) exchange.outcome = { status: 'FAIL', errorCode: def.code, errorDesc: desc };
  const extras = c.get('operation')?.failExtras ?? {};
  return c.json({ status: 'FAIL', ErrorCode: def.code, ErrorDesc: desc, ...extras }, def.http as 200);
}
