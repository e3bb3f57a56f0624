// Control-API query parameters, validated before any store sees them: a value a store cannot take
// (an id past 2^53, a year past 9999, an unknown enum) is a 400 with a stable code, never a
// database error echoed back.
import type { Context } from 'hono';
import { firstIllegalXmlChar } from '../../edxml/xml-chars.ts';
import { controlError } from './errors.ts';

/** Largest page a list answers (limit). */
export const MAX_LIMIT = 10_000;
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59);

export class QueryError {
  constructor(
    readonly parameter: string,
    readonly expected: string,
  ) {}
}

export function queryError(c: Context, e: QueryError): Response {
  return controlError(
    c,
    400,
    'CTL-QUERY-INVALID',
    `Tham số ${e.parameter} không hợp lệ (cần ${e.expected}).`,
    `Invalid ${e.parameter} parameter (expected ${e.expected}).`,
  );
}

/** Reads the query with typed accessors; each throws QueryError on a bad value. */
export function readQuery(c: Context) {
  const q = c.req.query();
  for (const [name, value] of Object.entries(q)) {
    if (firstIllegalXmlChar(name) !== -1 || firstIllegalXmlChar(value) !== -1 || value.length > 1024) throw new QueryError(name.slice(0, 64), 'text of at most 1024 XML characters');
  }
  return {
    text: (name: string): string | undefined => q[name],
    int(name: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
      const v = q[name];
      if (v === undefined) return undefined;
      if (!/^\d{1,16}$/.test(v) || Number(v) > max) throw new QueryError(name, `an integer from 0 to ${max}`);
      return Number(v);
    },
    limit: (): number | undefined => {
      const v = q.limit;
      if (v === undefined) return undefined;
      if (!/^\d{1,6}$/.test(v) || Number(v) < 1 || Number(v) > MAX_LIMIT) throw new QueryError('limit', `an integer from 1 to ${MAX_LIMIT}`);
      return Number(v);
    },
    time(name: string): Date | undefined {
      const v = q[name];
      if (v === undefined) return undefined;
      const t = Date.parse(v);
      if (Number.isNaN(t) || t < EARLIEST || t > LATEST) throw new QueryError(name, 'an ISO 8601 time between 1970 and 9999');
      return new Date(t);
    },
    oneOf<T extends string>(name: string, values: readonly T[]): T | undefined {
      const v = q[name];
      if (v === undefined) return undefined;
      if (!values.includes(v as T)) throw new QueryError(name, values.join(' | '));
      return v as T;
    },
    listOf<T extends string>(name: string, values: readonly T[]): T[] | undefined {
      const v = q[name];
      if (v === undefined) return undefined;
      const items = v.split(',');
      if (!items.every((i) => values.includes(i as T))) throw new QueryError(name, `a comma-separated list of ${values.join(', ')}`);
      return items as T[];
    },
    bool(name: string): boolean | undefined {
      const v = q[name];
      if (v === undefined) return undefined;
      if (v !== 'true' && v !== 'false') throw new QueryError(name, 'true | false');
      return v === 'true';
    },
  };
}
