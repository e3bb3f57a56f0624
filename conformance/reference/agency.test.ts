// The reference agency driven cycle by cycle against an in-process simulator: the behaviours the
// suite's cases judge from the journal, checked here at the source.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPacket } from '../../edxml/build.ts';
import { composeEdoc } from '../../edxml/compose.ts';
import { vietnamDate } from '../../edxml/dates.ts';
import type { Axis } from '../../simulator/axis.ts';
import { openPkiFolder, type PkiFolder } from '../../simulator/pki-folder.ts';
import type { JournalEntry } from '../../simulator/store/types.ts';
import { runTrust, startEmbeddedSimulator } from '../embedded-simulator.ts';
import { REFERENCE_SUT } from '../run-suite.ts';
import { ReferenceAgency } from './agency.ts';
import { referenceSigning } from './signing.ts';

const COUNTERPART = '000.01.01.G99';

let scratch: string;
let pki: PkiFolder;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'truc-agency-'));
  pki = await openPkiFolder(join(scratch, 'pki'), { create: true });
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function setup(): Promise<{ axis: Axis; agency: ReferenceAgency; journal: JournalEntry[]; inject: (bytes: Uint8Array, skipIntake?: boolean) => Promise<void> }> {
  const { axis, secret } = await startEmbeddedSimulator({ pki, sut: { code: REFERENCE_SUT.code } });
  const journal: JournalEntry[] = [];
  axis.events.on('entry', (e) => journal.push(e));
  const control = (path: string, body: unknown) =>
    axis.app.request(`${axis.controlPrefix}${path}`, {
      method: path === '/inject' ? 'POST' : 'PUT',
      headers: { authorization: `Bearer ${axis.controlToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await control(`/directory/${COUNTERPART}`, { name: 'Cơ quan thử nghiệm', code102: COUNTERPART });
  const agency = new ReferenceAgency({
    axis: { baseUrl: 'http://truc.test/', fetch: (r) => axis.app.request(r) },
    code: REFERENCE_SUT.code,
    secret,
    name: REFERENCE_SUT.name,
    trust: () => runTrust(pki),
    signing: await referenceSigning(pki, REFERENCE_SUT.code, REFERENCE_SUT.name),
  });
  // Reads the directory, then stops the timer: the test drives the cycles itself.
  await agency.start();
  await agency.stop();
  const inject = async (bytes: Uint8Array, skipIntake = false) => {
    const response = await control('/inject', {
      as: COUNTERPART,
      packet: Buffer.from(bytes).toString('base64'),
      ...(skipIntake ? { skipIntake: true, to: [REFERENCE_SUT.code] } : {}),
    });
    expect(response.status).toBe(200);
  };
  return { axis, agency, journal, inject };
}

const statusesSent = (journal: JournalEntry[]) =>
  journal.filter((e) => e.operation === 'sendEdoc' && e.headers.messagetype === 'status' && e.outcome.status === 'OK').map((e) => e.statusCode);
const acks = (journal: JournalEntry[]) => journal.filter((e) => e.operation === 'updateStatus').map((e) => e.headers.status);

const document = (number: string) =>
  buildPacket(
    composeEdoc({ from: COUNTERPART, to: [REFERENCE_SUT.code], codeNumber: number, codeNotation: 'QĐ-UBND', promulgationDate: vietnamDate(new Date()), subject: 'Thử nghiệm' }),
  );

describe('reference agency', () => {
  it('answers a document 01 then 03, then moves it to 06 one step per cycle', async () => {
    const { axis, agency, journal, inject } = await setup();
    await inject(document('1'));
    for (let i = 0; i < 5; i++) await agency.pollOnce();
    expect(acks(journal)).toEqual(['done']);
    expect(statusesSent(journal)).toEqual(['01', '03', '04', '05', '06']);
    await axis.close();
  });

  it('agrees (15) to a revocation in VNPT\'s sample form, whose header repeats the revoked document', async () => {
    const { axis, agency, journal, inject } = await setup();
    const input = { from: COUNTERPART, to: [REFERENCE_SUT.code], codeNumber: '7', codeNotation: 'QĐ-UBND', promulgationDate: vietnamDate(new Date()), subject: 'Thử nghiệm' };
    await inject(buildPacket(composeEdoc(input)));
    await agency.pollOnce();
    await inject(buildPacket(composeEdoc({ ...input, business: { bussinessDocType: '1', bussinessDocReason: 'Ban hành nhầm' } })));
    for (let i = 0; i < 3; i++) await agency.pollOnce();
    expect(statusesSent(journal)).toContain('15');
    expect(statusesSent(journal)).not.toContain('16');
    await axis.close();
  });

  it('registers a document delivered twice once: two acknowledgements, one 01 and one 03', async () => {
    const { axis, agency, journal, inject } = await setup();
    await inject(document('2'));
    await inject(document('2'));
    await agency.pollOnce();
    await agency.pollOnce();
    expect(acks(journal)).toEqual(['done', 'done']);
    expect(statusesSent(journal).filter((c) => c === '01' || c === '03')).toEqual(['01', '03']);
    await axis.close();
  });

  it('acknowledges bytes that are not a packet with fail and answers nothing', async () => {
    const { axis, agency, journal, inject } = await setup();
    await inject(new TextEncoder().encode('not xml at all'), true);
    await agency.pollOnce();
    expect(acks(journal)).toEqual(['fail']);
    expect(statusesSent(journal)).toEqual([]);
    await axis.close();
  });

  it('refuses to revoke a document it never sent, and takes a send order', async () => {
    const { axis, agency } = await setup();
    const base = { run: 'r', case: 'B-05', concerning: 'nope', deadlineSeconds: 5 };
    expect(await agency.handleTrigger({ ...base, action: 'revoke', to: [COUNTERPART] })).toBe('refused');
    const send = { codeNumber: '9', codeNotation: 'UBND-VP', subject: 'Gửi thử', typeName: 'Công văn', attachments: [{ name: 'a.pdf', sign: true }] };
    expect(await agency.handleTrigger({ ...base, case: 'S-01', action: 'send', to: [COUNTERPART], document: send, concerning: null })).toBe('accepted');
    await agency.stop();
    await axis.close();
  });
});
