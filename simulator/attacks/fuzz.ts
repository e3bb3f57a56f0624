// The fuzz target: fast-check generates hostile requests (operations real and made up, signed
// headers with any code point — NUL and lone surrogates included —, right and wrong secrets,
// mutated packets, odd JSON bodies) and sends each over HTTP to a live axis. Properties: no reply
// is a 5xx, every reply carries the JSON envelope (a raw packet for downloadEdoc), and the journal
// holds exactly one entry per exchange. Used with a small budget by fuzz.test.ts (CI) and a large
// one by `npm run fuzz`.
import fc from 'fast-check';
import { shortHashFile } from '../protocol/signing.ts';
import { NGHE_AN, TAY_NINH, edocBytes } from '../testing/fixtures.ts';
import { SAAS, journalCount, rawCall, type LiveAxis, type RawCall } from './support.ts';

const OPERATIONS = [
  'getAgenciesList', 'getAgenciesListQD20', 'getSynchronizeUnit', 'registerAgency', 'deleteAgency', 'sendEdoc',
  'getReceivedEdocList', 'countReceiveEdoc', 'countReceiveStatus', 'getEdoc', 'downloadEdoc', 'updateStatus', 'getSentEdocList',
];
const HEADER_NAMES = ['messagetype', 'servicetype', 'docId', 'docid', 'status', 'description', 'from', 'to', 'hash-file', 'AgencyCode', 'fromDate', 'toDate', 'timestamp'];
const HOSTILE = ['\u0000', '\ud800', '\udfff', '\ufffe', '\uffff', '\u0001', '&#0;', '&#xD800;', '&#x110000;', '<To><OrganId>x</OrganId></To>', '<a>'.repeat(40), '"', '\\', '%00'];

/** Any string, biased toward the characters that once broke the stores. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...HOSTILE),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...HOSTILE), fc.string({ maxLength: 10 })).map(([a, b, c]) => a + b + c),
  fc.constantFrom('edoc', 'status', 'done', 'fail', 'processing', 'eDoc', '', NGHE_AN.systemId, TAY_NINH.systemId, 'vxp.saas.02'),
);

const basePacket = edocBytes({ to: [{ organId: TAY_NINH.systemId, organName: 'Tây Ninh' }] });

/** A valid packet, mutated: a hostile snippet spliced in, bytes flipped, or cut short. */
const packet = fc.oneof(
  fc.constant(basePacket),
  fc.tuple(fc.nat(basePacket.length), fc.constantFrom(...HOSTILE)).map(([at, s]) =>
    Buffer.concat([basePacket.subarray(0, at), Buffer.from(s, 'utf8'), basePacket.subarray(at)]),
  ),
  fc.tuple(fc.nat(basePacket.length - 1), fc.integer({ min: 0, max: 255 })).map(([at, b]) => {
    const copy = Buffer.from(basePacket);
    copy[at] = b;
    return copy;
  }),
  fc.nat(basePacket.length).map((n) => basePacket.subarray(0, n)),
  fc.uint8Array({ maxLength: 200 }),
);

const agencyJson = fc.oneof(
  fc.record({ id: nasty, pcode: nasty, code: nasty, name: nasty }).map((o) => JSON.stringify(o)),
  fc.record({ id: fc.constant(''), pcode: fc.constant(''), code: fc.constantFrom('vxp.saas.02', '000.00.00.H53', '000.00.41.H41', '00.22.W00'), name: fc.constant('x') }).map((o) => JSON.stringify(o)),
  nasty,
);

export const requestArbitrary: fc.Arbitrary<RawCall> = fc
  .record({
    operation: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...OPERATIONS) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(encodeURIComponent) }),
    system: fc.constantFrom(NGHE_AN, TAY_NINH, SAAS, { systemId: '000.00.00.H99', secret: 'x' }),
    rightSecret: fc.boolean(),
    signedSystemId: fc.option(nasty, { freq: 8 }),
    logical: fc.dictionary(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HEADER_NAMES) }, { weight: 1, arbitrary: nasty }), nasty, { maxKeys: 5 }),
    body: fc.oneof(packet, agencyJson, fc.constant(undefined)),
    hashRight: fc.boolean(),
    method: fc.constantFrom<'GET' | 'POST'>('POST', 'POST', 'POST', 'GET'),
  })
  .map((r) => {
    const bytes = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
    const logical = { ...r.logical };
    if (r.operation === 'sendEdoc' && bytes && r.hashRight) logical['hash-file'] = shortHashFile(bytes);
    if (r.operation === 'sendEdoc' && !('messagetype' in logical)) logical.messagetype = 'edoc';
    return {
      operation: r.operation === '' ? 'x' : r.operation,
      systemId: r.system.systemId,
      signedSystemId: r.signedSystemId ?? undefined,
      secret: r.rightSecret ? r.system.secret : 'wrong-secret',
      logical,
      body: r.method === 'GET' ? undefined : bytes,
      method: r.method,
      contentType: r.operation === 'sendEdoc' ? 'application/octet-stream' : 'application/json',
    } satisfies RawCall;
  });

export interface FuzzFigures {
  requests: number;
  /** Requests the server received (above `requests` when the HTTP client retried one). */
  exchanges: number;
  byStatus: Record<number, number>;
  fiveXx: number;
  withoutEnvelope: number;
  journalEntries: number;
  /** Exchanges without a journal entry (must be 0). */
  journalGaps: number;
  /** Journal entries beyond the exchanges counted at the HTTP shell (reported, not a gap). */
  journalSurplus: number;
  journalLoss: number;
  seconds: number;
}

/** Sends `requests` generated requests; returns the figures (and fast-check's counterexample on a 5xx). */
export async function fuzzAxis(live: LiveAxis, requests: number, seed?: number): Promise<FuzzFigures> {
  const byStatus: Record<number, number> = {};
  let fiveXx = 0;
  let withoutEnvelope = 0;
  const startSent = live.sent;
  const startExchanges = live.exchanges;
  const startJournal = await journalCount(live);
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(requestArbitrary, async (call) => {
      const reply = await rawCall(live, call);
      byStatus[reply.httpStatus] = (byStatus[reply.httpStatus] ?? 0) + 1;
      const isPacket = call.operation === 'downloadEdoc' && reply.httpStatus === 200 && reply.json === undefined;
      if (reply.httpStatus >= 500) fiveXx += 1;
      else if (!isPacket && (typeof reply.json?.status !== 'string' || typeof reply.json?.ErrorCode !== 'string')) withoutEnvelope += 1;
      return reply.httpStatus < 500;
    }),
    { numRuns: requests, seed, endOnFailure: true },
  );
  const sent = live.sent - startSent;
  const exchanges = live.exchanges - startExchanges;
  const journalEntries = (await journalCount(live)) - startJournal;
  return {
    requests: sent,
    exchanges,
    byStatus,
    fiveXx,
    withoutEnvelope,
    journalEntries,
    journalGaps: Math.max(0, exchanges - journalEntries),
    journalSurplus: Math.max(0, journalEntries - exchanges),
    journalLoss: live.axis.core.journalLoss.total,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
