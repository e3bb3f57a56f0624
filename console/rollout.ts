// The figures the Government Office reports ("78/95 ministries and provinces connected, 76 feeding
// back status"), read from the sandbox's own records: a registered system is connected once it
// has called the axis successfully, sending once it has sent a document, answering once it has
// sent a status packet, certified when its latest finished run is conformant.
import type { JournalEntry, Store, StoredRun, SystemRecord } from '../simulator/store/types.ts';

export interface AgencyRollout {
  systemId: string;
  connected?: Date;
  sending?: Date;
  answering?: Date;
  /** Time of the latest finished run when it was conformant. */
  certified?: Date;
  latestVerdict?: string;
}

export interface RolloutFigures {
  population: number;
  connected: number;
  sending: number;
  answering: number;
  certified: number;
  agencies: AgencyRollout[];
  /** Cumulative counts per day (Vietnam dates), first activity to today. */
  days: { date: string; connected: number; sending: number; answering: number; certified: number }[];
}

const vnDate = (d: Date): string => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const earlier = (a: Date | undefined, b: Date): Date => (a && a <= b ? a : b);

export function rolloutFigures(systems: SystemRecord[], journal: JournalEntry[], runs: StoredRun[], today = new Date()): RolloutFigures {
  const bySystem = new Map<string, AgencyRollout>(systems.map((s) => [s.systemId, { systemId: s.systemId }]));
  for (const e of journal) {
    const a = e.caller === undefined ? undefined : bySystem.get(e.caller);
    if (!a || e.outcome.status !== 'OK' || e.operation.startsWith('control:')) continue;
    a.connected = earlier(a.connected, e.time);
    if (e.operation === 'sendEdoc') {
      if ((e.headers.messagetype ?? '').toLowerCase() === 'status') a.answering = earlier(a.answering, e.time);
      else a.sending = earlier(a.sending, e.time);
    }
  }
  // Runs come newest first: the first finished one per system is its latest.
  const seen = new Set<string>();
  for (const r of runs) {
    const a = bySystem.get(r.sutCode);
    if (!a || r.status !== 'finished' || seen.has(r.sutCode)) continue;
    seen.add(r.sutCode);
    a.latestVerdict = r.verdict;
    if (r.verdict === 'conformant') a.certified = r.updated;
  }
  const agencies = [...bySystem.values()];
  const count = (key: 'connected' | 'sending' | 'answering' | 'certified', until?: string) =>
    agencies.filter((a) => a[key] && (until === undefined || vnDate(a[key]!) <= until)).length;
  const firsts = agencies.flatMap((a) => [a.connected, a.sending, a.answering, a.certified].filter((d): d is Date => d !== undefined));
  const days: RolloutFigures['days'] = [];
  if (firsts.length) {
    // One day before the first activity, so the chart starts from zero.
    const start = new Date(new Date(`${vnDate(new Date(Math.min(...firsts.map((d) => d.getTime()))))}T00:00:00Z`).getTime() - 86_400_000);
    for (let d = start; vnDate(d) <= vnDate(today) && days.length < 730; d = new Date(d.getTime() + 86_400_000)) {
      const date = d.toISOString().slice(0, 10);
      days.push({ date, connected: count('connected', date), sending: count('sending', date), answering: count('answering', date), certified: count('certified', date) });
    }
  }
  return {
    population: systems.length,
    connected: count('connected'),
    sending: count('sending'),
    answering: count('answering'),
    certified: count('certified'),
    agencies,
    days,
  };
}

export async function loadRollout(store: Store, tenant: string | undefined): Promise<RolloutFigures> {
  const systems = (await store.listSystems()).filter((s) => tenant === undefined || s.tenant === tenant);
  const journal = await store.queryJournal({ tenant });
  const runs = await store.listRuns({ tenant });
  return rolloutFigures(systems, journal, runs);
}

const csvCell = (v: string | number | undefined): string => {
  const text = v === undefined ? '' : String(v);
  // A leading = + - @ would be a formula to a spreadsheet: quote it as text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
export const csv = (rows: (string | number | undefined)[][]): string => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

export const rolloutCsv = (f: RolloutFigures): string =>
  csv([
    ['systemId', 'connected', 'sending', 'answering', 'certified', 'latestVerdict'],
    ...f.agencies.map((a) => [a.systemId, a.connected?.toISOString(), a.sending?.toISOString(), a.answering?.toISOString(), a.certified?.toISOString(), a.latestVerdict]),
  ]);
