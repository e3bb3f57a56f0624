// An in-memory stand-in for the simulator behind the AxisPort, for the suite's own unit tests:
// entries are journaled as the real journal would, and a test plays the SUT by pushing entries.
import type { AxisPort, CounterpartAgency, FaultSpec, InjectRequest } from '../axis-port.ts';
import { createJournalFeed, type JournalEntry, type JournalFeed } from '../journal-view.ts';

export interface FakeAxis {
  port: AxisPort;
  /** The journal behind `port.journal`, e.g. to simulate a lost event stream. */
  feed: JournalFeed;
  /** Journals one exchange (defaults filled in) and returns it. */
  record(partial: Partial<JournalEntry> & { operation: string }): JournalEntry;
  provisioned: CounterpartAgency[];
  injected: InjectRequest[];
  faults: { id: string; spec: FaultSpec; cleared: boolean }[];
  /** Called after each injection, so a test can play the SUT's reaction. */
  onInject?: (request: InjectRequest, entry: JournalEntry) => void;
}

export function createFakeAxis(): FakeAxis {
  const feed = createJournalFeed();
  let nextId = 1;
  let nextSender = 1;
  const fake: FakeAxis = {
    feed,
    provisioned: [],
    injected: [],
    faults: [],
    record(partial) {
      const entry: JournalEntry = {
        id: nextId++,
        time: new Date(),
        method: 'POST',
        path: `/${partial.operation}`,
        agencies: [],
        headers: {},
        secretSeen: false,
        outcome: { status: 'OK', errorCode: '0', errorDesc: 'Thanh cong' },
        httpStatus: 200,
        findings: [],
        bodyLength: 0,
        durationMs: 1,
        ...partial,
      };
      feed.push(entry);
      return entry;
    },
    port: {
      journal: feed,
      reservation: { runId: 'r-fake', agencyStart: 0, agencyCount: 500, numberStart: 1, numberCount: 10_000 },
      async provisionAgencies(agencies) {
        fake.provisioned.push(...agencies);
      },
      async inject(request) {
        fake.injected.push(request);
        const senderId = String(nextSender++).padStart(24, '0');
        const entry = fake.record({
          operation: 'control:inject',
          caller: request.from,
          agencies: [request.from],
          senderId,
          receiverIds: [`receiver-${senderId}`],
        });
        fake.onInject?.(request, entry);
        return { senderId, journalId: entry.id };
      },
      async setFault(spec) {
        const id = `fault-${fake.faults.length + 1}`;
        fake.faults.push({ id, spec, cleared: false });
        return id;
      },
      async clearFault(id) {
        const fault = fake.faults.find((f) => f.id === id);
        if (fault) fault.cleared = true;
      },
    },
  };
  return fake;
}
