// The hono environment shared by the axis layers: what each middleware leaves for the next.
import type { Context } from 'hono';
import type { Finding } from '../../edxml/finding.ts';
import type { AxisCore } from '../core.ts';
import type { LogicalHeaders } from '../protocol/logical-headers.ts';
import type { SystemRecord } from '../store/types.ts';
import type { Operation } from '../operations/operation.ts';

/** What the journal will record about one exchange; every layer adds what it learns. */
export interface Exchange {
  time: Date;
  startedMs: number;
  operation: string;
  method: string;
  path: string;
  remoteAddress?: string;
  /** The systemid the request claims (authenticated or not). */
  claimedSystemId?: string;
  caller?: string;
  agencies: Set<string>;
  logical?: LogicalHeaders;
  hmacReading?: 'raw' | 'utf8';
  findings: Finding[];
  body: Uint8Array;
  outcome?: { status: 'OK' | 'FAIL'; errorCode: string; errorDesc: string };
  senderId?: string;
  receiverIds?: string[];
  documentId?: string;
  statusCode?: string;
  fault?: string;
  /** Set when a fault drops the connection: the shell must not answer. */
  dropped?: boolean;
}

export interface AxisEnv {
  Variables: {
    core: AxisCore;
    exchange: Exchange;
    operation: Operation;
    logical: LogicalHeaders;
    caller: SystemRecord;
  };
  /** Set by @hono/node-server; absent in app.request() and msw. */
  Bindings: { incoming?: { socket?: { remoteAddress?: string; destroy(): void } } };
}

export type AxisContext = Context<AxisEnv>;
