// Reading the SUT's traffic out of the run's journal: which exchanges are the SUT's, which fall in
// a fault window (run-wide cases leave those out), the packets it sent or was sent, and the
// acknowledgements and fetches of one delivery. Pure functions over journal entries, shared by the
// cases of every area so that "the SUT's status packets" means one thing everywhere.
import { parsePacket } from '../../../../edxml/parse.ts';
import type { EdocPacket, Packet, StatusPacket } from '../../../../edxml/types.ts';
import type { FaultWindow, JudgeContext } from '../../../case.ts';
import type { JournalEntry } from '../../../journal-view.ts';

/** Operations by which a system asks the axis whether something arrived (T-06). */
export const POLL_OPERATIONS: ReadonlySet<string> = new Set(['getReceivedEdocList', 'countReceiveEdoc', 'countReceiveStatus']);
/** Operations that fetch one delivery. */
export const FETCH_OPERATIONS: ReadonlySet<string> = new Set(['getEdoc', 'downloadEdoc']);
/** Operations that read the agency directory (I-03). */
export const DIRECTORY_OPERATIONS: ReadonlySet<string> = new Set(['getAgenciesList', 'getAgenciesListQD20', 'getSynchronizeUnit']);

export const INJECT_OPERATION = 'control:inject';

/** A logical header by name, case-insensitively (`docId` and `docid` are both used on the wire). */
export function header(entry: JournalEntry, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(entry.headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export const isOk = (entry: JournalEntry): boolean => entry.outcome.status === 'OK';

/** An axis call made by the SUT (control-API calls are the suite's own). */
export const isSutCall = (entry: JournalEntry, sutCode: string): boolean =>
  entry.caller === sutCode && !entry.operation.startsWith('control:');

/** True when the entry was faulted or happened while a fault window was open. */
export function inFaultWindow(entry: JournalEntry, windows: readonly FaultWindow[]): boolean {
  if (entry.fault !== undefined) return true;
  const t = entry.time.getTime();
  return windows.some((w) => t >= w.start.getTime() && (w.end === undefined || t <= w.end.getTime()));
}

/** The SUT's calls outside fault windows: the scope of run-wide cases (spec "Scope of run-wide cases"). */
export function sutTraffic(ctx: JudgeContext): JournalEntry[] {
  const windows = ctx.faultWindows();
  return ctx.entries().filter((e) => isSutCall(e, ctx.run.sutCode) && !inFaultWindow(e, windows));
}

const parsed = new WeakMap<JournalEntry, Packet | null>();

/**
 * The packet an entry carried (a sendEdoc body or an injection), read from the journal's body
 * excerpt; undefined when there is none or it cannot be read (e.g. cut at the excerpt cap).
 * Cached per entry: waits re-evaluate their predicates on every new journal entry.
 */
export function packetOf(entry: JournalEntry): Packet | undefined {
  const known = parsed.get(entry);
  if (known !== undefined) return known ?? undefined;
  const bytes = entry.bodyExcerpt;
  const packet = bytes && bytes.byteLength === entry.bodyLength ? parsePacket(bytes).packet : undefined;
  parsed.set(entry, packet ?? null);
  return packet;
}

export const isSend = (entry: JournalEntry): boolean => entry.operation === 'sendEdoc';

/** A status packet the SUT sent, with its journal entry. */
export interface SentStatus {
  entry: JournalEntry;
  packet: StatusPacket;
}

/** A document packet the SUT sent, with its journal entry. */
export interface SentEdoc {
  entry: JournalEntry;
  packet: EdocPacket;
}

/** Status packets the axis accepted from the SUT, in journal order. */
export function sutStatuses(entries: readonly JournalEntry[], sutCode: string): SentStatus[] {
  const out: SentStatus[] = [];
  for (const entry of entries) {
    if (!isSend(entry) || !isOk(entry) || !isSutCall(entry, sutCode)) continue;
    const packet = packetOf(entry);
    if (packet?.kind === 'status') out.push({ entry, packet });
  }
  return out;
}

/** Document packets the axis accepted from the SUT, in journal order. */
export function sutEdocs(entries: readonly JournalEntry[], sutCode: string): SentEdoc[] {
  const out: SentEdoc[] = [];
  for (const entry of entries) {
    if (!isSend(entry) || !isOk(entry) || !isSutCall(entry, sutCode)) continue;
    const packet = packetOf(entry);
    if (packet?.kind === 'edoc') out.push({ entry, packet });
  }
  return out;
}

/** The injections (packets the suite sent as a counterpart) delivered to the SUT. */
export const injectionsToSut = (entries: readonly JournalEntry[], sutCode: string): JournalEntry[] =>
  entries.filter((e) => e.operation === INJECT_OPERATION && isOk(e) && e.agencies.includes(sutCode));

/** The receiver id (docId header) a fetch or acknowledgement names. */
export const receiverIdOf = (entry: JournalEntry): string | undefined => header(entry, 'docId');

/** The SUT's fetches of one of the given receiver ids, answered OK. */
export const isFetchOf = (entry: JournalEntry, sutCode: string, receiverIds: readonly string[]): boolean =>
  FETCH_OPERATIONS.has(entry.operation) && isOk(entry) && isSutCall(entry, sutCode) && receiverIds.includes(receiverIdOf(entry) ?? '');

/** Transport acknowledgement states that end a delivery's handling. */
export const TERMINAL_ACKS: ReadonlySet<string> = new Set(['done', 'fail']);

/** The SUT's acknowledgements (updateStatus, answered OK) of one of the given receiver ids, with the given states. */
export const isAckOf = (entry: JournalEntry, sutCode: string, receiverIds: readonly string[], states: ReadonlySet<string>): boolean =>
  entry.operation === 'updateStatus' &&
  isOk(entry) &&
  isSutCall(entry, sutCode) &&
  receiverIds.includes(receiverIdOf(entry) ?? '') &&
  states.has((header(entry, 'status') ?? '').trim().toLowerCase());
