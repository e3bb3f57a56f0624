import { describe, expect, it } from 'vitest';
import { checkStatusSequence, normalizeStatusCode, STATUS_CODES, statusCodeInfo } from './status.ts';

const rulesOf = (events: Parameters<typeof checkStatusSequence>[0]) => checkStatusSequence(events).map((f) => f.rule);
const s = (statusCode: string, timestamp?: string) => ({ statusCode, timestamp });

describe('status code table', () => {
  it('holds the nine codes, 13 being the only issuer-to-recipient one', () => {
    expect(STATUS_CODES.map((c) => c.code)).toEqual(['01', '02', '03', '04', '05', '06', '13', '15', '16']);
    expect(STATUS_CODES.filter((c) => c.direction === 'issuer-to-recipient').map((c) => c.code)).toEqual(['13']);
    for (const c of STATUS_CODES) expect(c.ascii).toMatch(/^[\x20-\x7e]+$/);
  });

  it('normalises a dropped leading zero only', () => {
    expect(normalizeStatusCode('1')).toBe('01');
    expect(normalizeStatusCode('01')).toBe('01');
    expect(normalizeStatusCode('001')).toBe('001');
    expect(statusCodeInfo('07')).toBeUndefined();
  });
});

describe('checkStatusSequence', () => {
  it.each([
    [['01', '03', '04', '05', '05', '06']],
    [['01', '03', '06']],
    [['01', '03', '05', '06']],
    [['02']],
    [['01', '02']],
  ])('accepts the processing track %j', (codes) => {
    expect(rulesOf(codes.map((c) => s(c)))).toEqual([]);
  });

  it.each([
    [['03'], 'EDXML-STATUS-003'],
    [['01', '04'], 'EDXML-STATUS-003'],
    [['01', '01'], 'EDXML-STATUS-003'],
    [['01', '03', '04', '04'], 'EDXML-STATUS-003'],
    [['01', '03', '06', '05'], 'EDXML-STATUS-004'],
    [['02', '03'], 'EDXML-STATUS-004'],
    [['15'], 'EDXML-STATUS-006'],
    [['01', '42'], 'EDXML-STATUS-002'],
  ])('rejects %j with %s', (codes, rule) => {
    expect(rulesOf(codes.map((c) => s(c)))).toEqual([rule]);
  });

  it('answers business requests whatever the processing state, one answer each', () => {
    expect(rulesOf([s('01'), s('03'), s('06'), { businessDocType: '1' }, s('15')])).toEqual([]);
    expect(rulesOf([s('13'), s('16'), s('16')])).toEqual(['EDXML-STATUS-006']);
  });

  it('refuses timestamps going backwards, and reads `1` as `01`', () => {
    expect(rulesOf([s('01', '2025/09/30 09:00:00'), s('03', '2025/09/30 08:59:59')])).toEqual(['EDXML-STATUS-005']);
    expect(rulesOf([s('1'), s('3')])).toEqual([]);
  });
});
