// Plays a SUT on the fake axis for the cases' own tests: a scripted journal of what a system would
// do over the wire (send a packet, fetch and acknowledge a delivery, answer with a status), with
// the findings the simulator's intake would journal (the same validatePacket), and a way to run one
// case through the real runner with an in-process trigger.
import { buildPacket } from '../../edxml/build.ts';
import { composeEdoc, composeStatus, type EdocInput } from '../../edxml/compose.ts';
import { vietnamDate, vietnamTimestamp } from '../../edxml/dates.ts';
import { createTestPki, issueCertificate, buildCrl, type IssuedCertificate, type TestPki } from '../../edxml/signatures/index.ts';
import type { ResponseFor } from '../../edxml/types.ts';
import { validatePacket } from '../../edxml/validate.ts';
import type { CaseDefinition, RunPki } from '../case.ts';
import { catalogueEntry } from '../catalogue.ts';
import { createInProcessDriver } from '../drivers/in-process.ts';
import type { TriggerJson } from '../drivers/trigger.ts';
import type { JournalEntry } from '../journal-view.ts';
import { runSuite } from '../runner.ts';
import type { CaseOutcome, RunRecord } from '../run-record.ts';
import type { Timing } from '../timing.ts';
import { createFakeAxis, type FakeAxis } from './fake-axis.ts';

export const SUT = '000.00.00.H41';

/** Short deadlines: the scripted SUT answers at once, so a missing answer shows quickly. */
export const TEST_TIMING: Timing = { profile: 'ci', responseSeconds: 0.4, settleSeconds: 0.05 };

/** A test PKI (native keys, fast) behind the RunPki interface, certificates issued once per options. */
export interface TestRunPki extends RunPki {
  pki: TestPki;
  trustAnchors: string[];
  crl(): Promise<Uint8Array>;
}

export function testRunPki(): TestRunPki {
  const pki = createTestPki();
  const issued = new Map<string, IssuedCertificate>();
  return {
    pki,
    trustAnchors: [pki.root.certificatePem],
    async obtain(options) {
      const key = JSON.stringify([options.agencyCode, options.agencyName, options.signer ?? '', options.variant ?? 'valid']);
      let certificate = issued.get(key);
      if (!certificate) {
        certificate = issueCertificate(pki, options);
        issued.set(key, certificate);
      }
      return certificate;
    },
    crl: () => buildCrl(pki),
  };
}

let nextSenderId = 1;
const senderId = () => `f${String(nextSenderId++).padStart(23, '0')}`;

export interface ScriptedSut {
  axis: FakeAxis;
  /** The SUT sends bytes; the entry carries the findings intake would journal. */
  send(bytes: Uint8Array, options?: { messageType?: 'edoc' | 'status'; deliveries?: number }): Promise<JournalEntry>;
  /** The SUT sends a document it composed. */
  sendEdoc(input: Partial<EdocInput> & Pick<EdocInput, 'to' | 'codeNumber' | 'codeNotation'>, options?: { deliveries?: number }): Promise<JournalEntry>;
  /** The SUT answers a document with a status packet. */
  sendStatus(responseFor: ResponseFor, statusCode: string, description?: string): Promise<JournalEntry>;
  /** The SUT fetches a delivery and acknowledges it. */
  handle(receiverId: string, ack?: 'done' | 'fail'): void;
  /** An arbitrary call of the SUT. */
  call(operation: string, partial?: Partial<JournalEntry>): JournalEntry;
}

export function scriptedSut(axis: FakeAxis, pki?: TestRunPki): ScriptedSut {
  const sut: ScriptedSut = {
    axis,
    async send(bytes, options = {}) {
      const report = await validatePacket(bytes, {
        trustAnchors: pki?.trustAnchors ?? [],
        crls: pki ? [await pki.crl()] : [],
      });
      const packet = report.packet;
      const edoc = packet?.kind === 'edoc' ? packet : undefined;
      const status = packet?.kind === 'status' ? packet : undefined;
      const recipients = edoc ? edoc.header.to.map((o) => o.organId ?? '') : [status?.header.responseFor?.organId ?? ''];
      const id = senderId();
      return axis.record({
        operation: 'sendEdoc',
        caller: SUT,
        agencies: [packet?.header.from?.organId ?? SUT, ...recipients],
        headers: { messagetype: options.messageType ?? (status ? 'status' : 'edoc') },
        findings: report.findings,
        bodyExcerpt: bytes.slice(0, 64 * 1024),
        bodyLength: bytes.byteLength,
        senderId: id,
        receiverIds: Array.from({ length: options.deliveries ?? recipients.length }, (_, i) => `${id}-r${i + 1}`),
        documentId: edoc ? edoc.header.documentId : status?.header.responseFor?.documentId,
        ...(status ? { statusCode: status.header.statusCode } : {}),
      });
    },
    sendEdoc(input, options) {
      const date = vietnamDate(new Date());
      return sut.send(
        buildPacket(
          composeEdoc({
            from: SUT,
            promulgationDate: date,
            subject: 'Văn bản thử nghiệm',
            timestamp: vietnamTimestamp(new Date()),
            ...input,
          }),
        ),
        options,
      );
    },
    sendStatus(responseFor, statusCode, description) {
      return sut.send(
        buildPacket(
          composeStatus({
            from: SUT,
            responseFor,
            statusCode,
            description,
            timestamp: vietnamTimestamp(new Date()),
            staffInfo: { department: 'Văn thư', staff: 'Cán bộ văn thư' },
          }),
        ),
      );
    },
    handle(receiverId, ack = 'done') {
      sut.call('getEdoc', { headers: { docId: receiverId }, receiverIds: [receiverId] });
      sut.call('updateStatus', { headers: { docId: receiverId, status: ack }, receiverIds: [receiverId] });
    },
    call(operation, partial = {}) {
      return axis.record({ operation, caller: SUT, agencies: [SUT], ...partial });
    },
  };
  return sut;
}

export interface CaseRunOptions {
  axis: FakeAxis;
  /** What the SUT does when triggered (default: accepts and does nothing). */
  onTrigger?: (trigger: TriggerJson) => void | Promise<void>;
  pki?: RunPki;
  timing?: Timing;
}

/** Runs one case through the runner (the profile's other cases are not implemented here: they end `error`). */
export async function runCase(definition: CaseDefinition, options: CaseRunOptions): Promise<{ outcome: CaseOutcome; record: RunRecord }> {
  const entry = catalogueEntry(definition.id);
  if (!entry) throw new Error(`unknown case ${definition.id}`);
  const record = await runSuite({
    runId: 'r-cases-test',
    profile: entry.profile,
    timing: options.timing ?? TEST_TIMING,
    sut: { code: SUT, name: 'UBND tỉnh Nghệ An' },
    cases: [definition],
    port: options.axis.port,
    driver: createInProcessDriver(async (trigger) => {
      // The SUT acts after accepting the order, as it would over the wire.
      setImmediate(() => void options.onTrigger?.(trigger));
      return 'accepted';
    }),
    suiteVersion: '0.0.0-test',
    ...(options.pki ? { pki: options.pki } : {}),
  });
  return { outcome: record.cases.find((c) => c.id === definition.id)!, record };
}

export { createFakeAxis };
