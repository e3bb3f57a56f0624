import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAxisTime, formatSdkTimestamp, parseFilterDate, parseSdkTimestamp } from './time.ts';

describe('axis times in Vietnam local time', () => {
  it('formats list times as yyyy-MM-dd HH:mm:ss at UTC+7, like an ISO rendering shifted by 7 h', () => {
    expect(formatAxisTime(new Date('2026-11-22T17:30:05.900Z'))).toBe('2026-11-23 00:30:05');
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = new Date(d.getTime() + 7 * 3600_000).toISOString();
        expect(formatAxisTime(d)).toBe(`${iso.slice(0, 10)} ${iso.slice(11, 19)}`);
      }),
    );
  });

  it('round-trips the Java SDK timestamp and refuses impossible ones', () => {
    const t = new Date('2026-02-28T23:59:58.042Z');
    expect(formatSdkTimestamp(t)).toBe('01032026T065958+0042');
    expect(parseSdkTimestamp(formatSdkTimestamp(t))?.getTime()).toBe(t.getTime());
    expect(parseSdkTimestamp('31022026T065958+0042')).toBeUndefined();
    expect(parseSdkTimestamp('2026-02-28')).toBeUndefined();
  });

  it('reads fromDate/toDate in both observed forms, a bare date covering its whole day', () => {
    expect(parseFilterDate('22/11/2026 08:00:00', false)?.toISOString()).toBe('2026-11-22T01:00:00.000Z');
    expect(parseFilterDate('2026/11/22', false)?.toISOString()).toBe('2026-11-21T17:00:00.000Z');
    expect(parseFilterDate('2026/11/22', true)?.toISOString()).toBe('2026-11-22T16:59:59.999Z');
    expect(parseFilterDate('22-11-2026', false)).toBeUndefined();
  });
});
