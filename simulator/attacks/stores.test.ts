// Same input, same answer, on every store: inputs that no SQL store can hold (NUL, lone
// surrogates, characters outside XML's Char production) are refused at the edge with a stable code
// and journaled in escaped form, so memory, PGlite and PostgreSQL answer alike and the journal
// keeps one entry per exchange. (These once answered 503 and left no trace on the SQL stores.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortHashFile } from '../protocol/signing.ts';
import { NGHE_AN, TAY_NINH, edocBytes } from '../testing/fixtures.ts';
import { STORES, control, journalCount, liveAxis, rawCall, type LiveAxis, type RawCall } from './support.ts';

const packetWith = (subject: string): Uint8Array => {
  const text = new TextDecoder().decode(edocBytes({ subject: 'SUBJECT-HERE' }));
  const [before, after] = text.split('SUBJECT-HERE');
  return Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from(subject, 'latin1'), Buffer.from(after, 'utf8')]);
};
const send = (bytes: Uint8Array, extra: Partial<RawCall> = {}): RawCall => ({
  operation: 'sendEdoc',
  ...NGHE_AN,
  logical: { messagetype: 'edoc', servicetype: 'eDoc', 'hash-file': shortHashFile(bytes) },
  body: bytes,
  contentType: 'application/octet-stream',
  ...extra,
});

/** [name, expected HTTP status, expected ErrorCode, request]. */
const CASES: [string, number, string, RawCall][] = [
  ['NUL in a signed value, wrong secret', 400, '15', { operation: 'getReceivedEdocList', ...NGHE_AN, secret: 'wrong', logical: { messagetype: 'edoc\u0000' } }],
  ['NUL in a signed value, right secret', 400, '15', { operation: 'getReceivedEdocList', ...NGHE_AN, logical: { messagetype: 'edoc\u0000' } }],
  ['lone surrogate in a signed value', 400, '15', { operation: 'updateStatus', ...NGHE_AN, logical: { docId: 'x', status: 'done', description: 'a\ud800' } }],
  ['U+FFFE in a signed header name', 400, '15', { operation: 'getAgenciesList', ...NGHE_AN, logical: { 'x\ufffe': 'y' } }],
  ['NUL in the signed systemid', 400, '15', { operation: 'getAgenciesList', ...NGHE_AN, signedSystemId: '000.00.00.H41\u0000' }],
  ['NUL in a registerAgency field', 400, '15', { operation: 'registerAgency', ...NGHE_AN, body: JSON.stringify({ id: '', pcode: '', code: '000.00.32.H41', name: 'a\u0000b' }), contentType: 'application/json' }],
  ['&#0; in a packet', 200, '20', send(packetWith('a&#0;b'))],
  ['&#xD800; in a packet', 200, '20', send(packetWith('a&#xD800;b'))],
  ['&#x110000; in a packet', 200, '20', send(packetWith('a&#x110000;b'))],
  ['raw NUL in a packet', 200, '20', send(packetWith('a\u0000b'))],
  ['raw U+FFFF in a packet', 200, '20', send(packetWith('a\xEF\xBF\xBFb'))],
  ['a plain correct send', 200, '0', send(edocBytes())],
  ['unknown system', 200, '3', { operation: 'getAgenciesList', systemId: '000.00.00.H99', secret: 'x' }],
];

describe.each(STORES)('hostile inputs on the $name store', (kind) => {
  let live: LiveAxis;
  beforeAll(async () => {
    const { store, dispose } = await kind.open();
    live = await liveAxis(store, {}, dispose);
  });
  afterAll(() => live?.stop());

  it.each(CASES)('%s → HTTP %i, ErrorCode %s', async (_name, httpStatus, errorCode, call) => {
    const reply = await rawCall(live, call);
    expect([reply.httpStatus, reply.json?.ErrorCode]).toEqual([httpStatus, errorCode]);
  });

  it('journals every exchange, with the offending characters escaped', async () => {
    expect(await journalCount(live)).toBe(live.sent);
    const entries = await live.axis.core.store.queryJournal({});
    const nul = entries.find((e) => e.headers.messagetype?.startsWith('edoc\\u{'));
    expect(nul?.headers.messagetype).toBe('edoc\\u{0000}');
    expect(entries.some((e) => e.headers.description === 'a\\u{D800}')).toBe(true);
  });

  it('a NUL run label is refused and the journal keeps working', async () => {
    const response = await control(live, '/reservations', { method: 'POST', body: { runId: 'r\u0000', sutCode: TAY_NINH.systemId, agencies: 0, numbers: 0 } });
    expect(response.status).toBe(400);
    await rawCall(live, { operation: 'getAgenciesList', ...TAY_NINH });
    expect(await journalCount(live)).toBe(live.sent);
  });
});
