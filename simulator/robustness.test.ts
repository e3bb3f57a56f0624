// Whatever arrives, the axis answers the JSON envelope: no crash, no stack trace, no HTTP 500.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Axis } from './axis.ts';
import { signHeaders } from './client/sign.ts';
import { AXIS_ERRORS } from './errors.ts';
import { OPERATIONS } from './operations/index.ts';
import { NGHE_AN, testAxis } from './testing/fixtures.ts';

const KNOWN_CODES = new Set<string>(Object.values(AXIS_ERRORS).map((e) => e.code));
const latin1 = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((n) => String.fromCharCode(n)), maxLength: 60 });

describe('robustness', () => {
  let axis: Axis;
  beforeAll(async () => {
    axis = await testAxis({ maxBody: 2048 });
  });
  afterAll(() => axis.close());

  it('answers arbitrary requests with the envelope (signed or not, any operation, header and body)', async () => {
    const operation = fc.oneof(fc.constantFrom(...OPERATIONS.keys()), fc.stringMatching(/^[A-Za-z]{1,12}$/));
    const logical = fc.array(fc.tuple(fc.constantFrom('messagetype', 'docId', 'status', 'AgencyCode', 'hash-file', 'to', 'fromDate', 'description'), latin1), { maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(operation, fc.constantFrom('GET', 'POST'), logical, fc.boolean(), fc.uint8Array({ maxLength: 3000 }), async (op, method, extra, sign, body) => {
        const headers: Record<string, string> = sign
          ? signHeaders([['systemid', NGHE_AN.systemId], ...extra], NGHE_AN.secret, { order: 'insertion' })
          : Object.fromEntries(extra.map(([n, v]) => [`XroadVnpt-${n}`, v]));
        const response = await axis.app.request(`/${op}`, { method, headers, body: method === 'GET' ? undefined : body });
        if (response.headers.get('content-type')?.includes('application/xml')) return;
        expect(response.status).not.toBe(500);
        const json = (await response.json()) as Record<string, unknown>;
        expect(['OK', 'FAIL']).toContain(json.status);
        expect(KNOWN_CODES.has(json.ErrorCode as string)).toBe(true);
        expect(json.ErrorDesc).toMatch(/^[\x20-\x7e]*$/);
      }),
      { numRuns: 300 },
    );
  });
});
