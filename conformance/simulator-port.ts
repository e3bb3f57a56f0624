// The AxisPort over the simulator's control API (spec axis-api §7): the same requests whether the
// simulator runs in this process (`truc demo`: app.request, journal events straight from its
// emitter) or elsewhere (`truc certify --control-url`: HTTP, journal followed by server-sent
// events). The run id is set on the axis so every exchange of the run is labelled with it, and
// the journal view keeps only that run's entries.
import type { Axis } from '../simulator/axis.ts';
import type { JournalEntryJson } from '../simulator/journal-json.ts';
import { RESERVED_PARENT, reservedQd20Form } from './agency-allocator.ts';
import type { AxisPort, FaultSpec, InjectRequest, InjectResult } from './axis-port.ts';
import { createJournalFeed, type JournalEntry, type JournalFeed } from './journal-view.ts';

/** Sends a request to a control-API path (relative to its prefix, e.g. `/inject`). */
export type ControlTransport = (path: string, init?: ControlInit) => Promise<Response>;

/** A JSON `body`, or raw `bytes` (sent as application/octet-stream). */
export interface ControlInit {
  method?: string;
  body?: unknown;
  bytes?: Uint8Array;
}

export class ControlApiError extends Error {
  readonly code = 'CONF-CONTROL-API';
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface SimulatorPort extends AxisPort {
  readonly journal: JournalFeed;
  /**
   * Makes sure the SUT can connect: sets `secret` when given, otherwise keeps the secret the axis
   * already holds or has one issued. Resolves with the secret in force.
   */
  ensureSystem(systemId: string, secret?: string): Promise<string>;
  /** Adds the agency to the directory unless it is already there (either code form); resolves with its directory name. */
  ensureAgency(code: string, name: string): Promise<string>;
  /** Stops following the journal and clears the run label. */
  close(): Promise<void>;
}

async function expectOk(response: Response, what: string): Promise<Response> {
  if (response.ok) return response;
  const text = await response.text().catch(() => '');
  throw new ControlApiError(`API điều khiển từ chối ${what} (HTTP ${response.status}): ${text.slice(0, 300)}`, `The control API refused ${what} (HTTP ${response.status}): ${text.slice(0, 300)}`);
}

/** The journal entry the control API serialised back into its in-memory form. */
export function journalEntryFromJson(json: JournalEntryJson): JournalEntry {
  const { time, bodyExcerpt, bodyText: _text, ...rest } = json;
  return {
    ...rest,
    time: new Date(time),
    ...(bodyExcerpt === undefined ? {} : { bodyExcerpt: Uint8Array.from(Buffer.from(bodyExcerpt, 'base64')) }),
  };
}

function controlPort(transport: ControlTransport, journal: JournalFeed, stop: () => Promise<void>, runId: string): SimulatorPort {
  return {
    journal,
    async ensureSystem(systemId, secret) {
      if (secret === undefined) {
        const listed = (await (await expectOk(await transport('/systems'), 'systems')).json()) as { systemId: string; secret: string }[];
        const known = listed.find((s) => s.systemId === systemId);
        if (known) return known.secret;
      }
      const created = await expectOk(await transport('/systems', { method: 'POST', body: { systemId, ...(secret ? { secret } : {}) } }), `system ${systemId}`);
      return ((await created.json()) as { secret: string }).secret;
    },
    async ensureAgency(code, name) {
      const listed = (await (await expectOk(await transport('/directory'), 'directory')).json()) as { code: string; code102?: string; name: string }[];
      const known = listed.find((a) => a.code === code || a.code102 === code);
      if (known) return known.name;
      await expectOk(await transport(`/directory/${encodeURIComponent(code)}`, { method: 'PUT', body: { name, code102: code } }), `agency ${code}`);
      return name;
    },
    async provisionAgencies(agencies) {
      for (const agency of agencies) {
        await expectOk(
          await transport(`/directory/${encodeURIComponent(agency.code)}`, {
            method: 'PUT',
            body: { name: agency.name, code102: agency.code, pcode: RESERVED_PARENT },
          }),
          `agency ${agency.code}`,
        );
        // The QĐ 20 form of the same agency (I-04): a second record whose code102 is the first's.
        const qd20 = reservedQd20Form(agency.code);
        if (qd20) {
          await expectOk(
            await transport(`/directory/${encodeURIComponent(qd20)}`, { method: 'PUT', body: { name: agency.name, code102: agency.code, pcode: RESERVED_PARENT } }),
            `agency ${qd20}`,
          );
        }
      }
    },
    async inject(request: InjectRequest): Promise<InjectResult> {
      // The binary form: a 27 MB packet as bytes, not base64 inside JSON (encode, parse, decode).
      const query = new URLSearchParams({ as: request.from, messageType: request.messageType });
      if (request.pastIntake) query.set('skipIntake', 'true');
      for (const code of request.deliverTo ?? []) query.append('to', code);
      const response = await expectOk(await transport(`/inject?${query}`, { method: 'POST', bytes: request.bytes }), 'inject');
      const reply = (await response.json()) as { senderId: string; journalId?: number };
      return { senderId: reply.senderId, journalId: reply.journalId };
    },
    async setFault(fault: FaultSpec) {
      const response = await expectOk(await transport('/faults', { method: 'POST', body: fault }), 'fault');
      return ((await response.json()) as { id: string }).id;
    },
    async clearFault(id) {
      const response = await transport(`/faults/${encodeURIComponent(id)}`, { method: 'DELETE' });
      // A count-limited fault removes itself once used up: already gone is what we wanted.
      if (response.status !== 404) await expectOk(response, `fault ${id}`);
    },
    async journalLost() {
      const response = await expectOk(await transport(`/journal/loss?run=${encodeURIComponent(runId)}`), 'journal loss');
      return ((await response.json()) as { lost: number }).lost;
    },
    close: stop,
  };
}

const jsonInit = (init: ControlInit = {}, token?: string): RequestInit => ({
  method: init.method ?? 'GET',
  headers: {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(init.bytes ? { 'content-type': 'application/octet-stream' } : init.body === undefined ? {} : { 'content-type': 'application/json' }),
  },
  body: init.bytes ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
});

async function labelRun(transport: ControlTransport, run: string): Promise<void> {
  await expectOk(await transport('/run', { method: 'PUT', body: { run } }), 'run label');
}

/** Clears the run label, unless another run has labelled the axis since (a shared sandbox). */
async function unlabelRun(transport: ControlTransport, run: string): Promise<void> {
  const current = (await (await expectOk(await transport('/run'), 'run label')).json()) as { run: string | null };
  if (current.run === run) await expectOk(await transport('/run', { method: 'PUT', body: { run: null } }), 'run label');
}

/** A port on a simulator running in this process. */
export async function inProcessAxisPort(axis: Axis, runId: string): Promise<SimulatorPort> {
  const transport: ControlTransport = (path, init) =>
    Promise.resolve(axis.app.request(`${axis.controlPrefix}${path}`, jsonInit(init, axis.controlToken)));
  const feed = createJournalFeed();
  const listener = (entry: JournalEntry) => {
    if (entry.run === runId) feed.push(entry);
  };
  axis.events.on('entry', listener);
  await labelRun(transport, runId);
  for (const entry of await axis.core.store.queryJournal({ run: runId })) feed.push(entry);
  return controlPort(transport, feed, async () => {
    axis.events.off('entry', listener);
    await unlabelRun(transport, runId);
  }, runId);
}

/** Reads server-sent events (`data:` lines, blank-line separated) and hands each data payload on. */
async function readEvents(body: ReadableStream<Uint8Array>, onData: (data: string) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n');
      if (data) onData(data);
    }
  }
}

/** A port on a simulator reached over HTTP (`--control-url`, `--control-token`). */
export async function remoteAxisPort(options: { controlUrl: string; token: string; runId: string }): Promise<SimulatorPort> {
  const base = options.controlUrl.replace(/\/+$/, '');
  const transport: ControlTransport = async (path, init) => {
    try {
      return await fetch(`${base}${path}`, jsonInit(init, options.token));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      throw new ControlApiError(`Không kết nối được API điều khiển ${base}: ${message}`, `Cannot reach the control API at ${base}: ${message}`);
    }
  };
  await labelRun(transport, options.runId);
  const feed = createJournalFeed();
  const abort = new AbortController();
  const query = `run=${encodeURIComponent(options.runId)}&afterId=0`;
  const response = await expectOk(
    await fetch(`${base}/journal/events?${query}`, { headers: { authorization: `Bearer ${options.token}` }, signal: abort.signal }),
    'journal events',
  );
  // Closing aborts the stream on purpose; any other end means the run can no longer see the SUT.
  const lose = (why: string) => {
    if (!abort.signal.aborted) feed.fail({ vi: `Mất luồng nhật ký của trục mô phỏng: ${why}`, en: `Lost the simulator's journal stream: ${why}` });
  };
  const following = readEvents(response.body!, (data) => feed.push(journalEntryFromJson(JSON.parse(data) as JournalEntryJson))).then(
    () => lose('the stream ended'),
    (e: unknown) => lose(e instanceof Error ? e.message : String(e)),
  );
  return controlPort(transport, feed, async () => {
    abort.abort();
    await following;
    await unlabelRun(transport, options.runId);
  }, options.runId);
}
