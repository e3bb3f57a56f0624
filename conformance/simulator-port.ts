// The AxisPort over the simulator's control API (spec axis-api §7): the same requests whether the
// simulator runs in this process (`truc demo`: app.request, journal events straight from its
// emitter) or elsewhere (`truc certify --control-url`: HTTP, journal followed by server-sent
// events). The run registers on the axis (POST /reservations) before anything else: the axis labels the
// run's exchanges (its SUT's, its counterparts') with the run id and reserves its agencies and
// numbers; the journal view keeps only that run's entries. Several runs share one sandbox so.
import type { Axis } from '../simulator/axis.ts';
import type { JournalEntryJson } from '../simulator/journal-json.ts';
import { RUN_HEARTBEAT_MS } from '../simulator/reservations.ts';
import { RESERVED_PARENT, reservedQd20Form } from './agency-allocator.ts';
import { NUMBERS_PER_RUN, type AxisPort, type FaultSpec, type InjectRequest, type InjectResult, type RunReservation } from './axis-port.ts';
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
  constructor(
    readonly vi: string,
    readonly en: string,
    readonly code: string = 'CONF-CONTROL-API',
  ) {
    super(en);
  }
}

/** What a run asks the axis for when it registers. */
export interface RunRegistration {
  runId: string;
  sutCode: string;
  /** Counterpart agencies it will play (the cases' `counterparts`, summed). */
  agencies: number;
  /** Document numbers (default NUMBERS_PER_RUN). */
  numbers?: number;
}

/** How long an injection may take to come back on the run's own journal stream. */
const INJECTION_ECHO_MS = 15_000;

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

/** Registers the run; a second active run for the same SUT is a configuration error (exit 2). */
async function registerRun(transport: ControlTransport, run: RunRegistration): Promise<RunReservation> {
  const response = await transport('/reservations', {
    method: 'POST',
    body: { runId: run.runId, sutCode: run.sutCode, agencies: run.agencies, numbers: run.numbers ?? NUMBERS_PER_RUN },
  });
  if (response.status === 409) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; vi?: string; en?: string } };
    if (body.error?.code === 'CTL-RESERVATION-BUSY' && body.error.vi && body.error.en) throw new ControlApiError(body.error.vi, body.error.en, 'CONF-RUN-BUSY');
  }
  const reservation = (await (await expectOk(response, 'run registration')).json()) as RunReservation;
  return { runId: reservation.runId, agencyStart: reservation.agencyStart, agencyCount: reservation.agencyCount, numberStart: reservation.numberStart, numberCount: reservation.numberCount };
}

/** Keeps the run's lease while it lasts (a run whose process dies is over after the lease). */
function heartbeat(transport: ControlTransport, runId: string): () => void {
  const timer = setInterval(() => {
    transport(`/reservations/${encodeURIComponent(runId)}/alive`, { method: 'POST' }).then(
      (r) => r.body?.cancel(),
      () => undefined,
    );
  }, RUN_HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}

async function endRun(transport: ControlTransport, runId: string): Promise<void> {
  await expectOk(await transport(`/reservations/${encodeURIComponent(runId)}`, { method: 'DELETE' }), 'run end');
}

/**
 * Resolves once the feed holds entry `id`. The control API answers an injection after its entry is
 * stored; the entry reaches this run's journal stream on another connection, which may lag the
 * reply. A case reads the injection's entry right after sending, so the send waits for it here.
 */
function echoed(journal: JournalFeed, id: number): Promise<void> {
  const entries = journal.snapshot();
  for (let i = entries.length - 1; i >= 0 && entries[i].id >= id; i--) if (entries[i].id === id) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(
        new ControlApiError(
          `Luồng nhật ký của lượt chạy không đưa về mục #${id} (lần gửi của bộ kiểm thử) sau ${INJECTION_ECHO_MS / 1000} giây`,
          `The run's journal stream did not bring back entry #${id} (the suite's injection) within ${INJECTION_ECHO_MS / 1000} s`,
        ),
      );
    }, INJECTION_ECHO_MS);
    const off = journal.subscribe((entry) => {
      if (entry.id !== id) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

function controlPort(transport: ControlTransport, journal: JournalFeed, reservation: RunReservation, stop: () => Promise<void>): SimulatorPort {
  return {
    journal,
    reservation,
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
      if (reply.journalId !== undefined) await echoed(journal, reply.journalId);
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
      const response = await expectOk(await transport(`/journal/loss?run=${encodeURIComponent(reservation.runId)}`), 'journal loss');
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

/** A port on a simulator running in this process. */
export async function inProcessAxisPort(axis: Axis, run: RunRegistration): Promise<SimulatorPort> {
  const transport: ControlTransport = (path, init) =>
    Promise.resolve(axis.app.request(`${axis.controlPrefix}${path}`, jsonInit(init, axis.controlToken)));
  const feed = createJournalFeed();
  const listener = (entry: JournalEntry) => {
    if (entry.run === run.runId) feed.push(entry);
  };
  axis.events.on('entry', listener);
  let reservation: RunReservation;
  try {
    reservation = await registerRun(transport, run);
  } catch (e) {
    axis.events.off('entry', listener);
    throw e;
  }
  const stopBeating = heartbeat(transport, run.runId);
  return controlPort(transport, feed, reservation, async () => {
    stopBeating();
    axis.events.off('entry', listener);
    await endRun(transport, run.runId);
  });
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
export async function remoteAxisPort(options: { controlUrl: string; token: string; run: RunRegistration }): Promise<SimulatorPort> {
  const base = options.controlUrl.replace(/\/+$/, '');
  const transport: ControlTransport = async (path, init) => {
    try {
      return await fetch(`${base}${path}`, jsonInit(init, options.token));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      throw new ControlApiError(`Không kết nối được API điều khiển ${base}: ${message}`, `Cannot reach the control API at ${base}: ${message}`);
    }
  };
  const runId = options.run.runId;
  const reservation = await registerRun(transport, options.run);
  const feed = createJournalFeed();
  const abort = new AbortController();
  const query = `run=${encodeURIComponent(runId)}&afterId=0`;
  let response: Response;
  try {
    response = await expectOk(
      await fetch(`${base}/journal/events?${query}`, { headers: { authorization: `Bearer ${options.token}` }, signal: abort.signal }),
      'journal events',
    );
  } catch (e) {
    await endRun(transport, runId).catch(() => undefined);
    throw e;
  }
  // Closing aborts the stream on purpose; any other end means the run can no longer see the SUT.
  const lose = (why: string) => {
    if (!abort.signal.aborted) feed.fail({ vi: `Mất luồng nhật ký của trục mô phỏng: ${why}`, en: `Lost the simulator's journal stream: ${why}` });
  };
  const following = readEvents(response.body!, (data) => feed.push(journalEntryFromJson(JSON.parse(data) as JournalEntryJson))).then(
    () => lose('the stream ended'),
    (e: unknown) => lose(e instanceof Error ? e.message : String(e)),
  );
  const stopBeating = heartbeat(transport, runId);
  return controlPort(transport, feed, reservation, async () => {
    stopBeating();
    abort.abort();
    await following;
    await endRun(transport, runId);
  });
}
