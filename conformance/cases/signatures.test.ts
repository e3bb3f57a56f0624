import { beforeAll, describe, expect, it } from 'vitest';
import { buildPacket } from '../../edxml/build.ts';
import { composeEdoc, responseForDocument } from '../../edxml/compose.ts';
import { vietnamDate } from '../../edxml/dates.ts';
import { parsePacket } from '../../edxml/parse.ts';
import { buildCrl, signPacket, signPdf, verifyPdfSignatures, XMLDSIG_NS, type CertificateVariant } from '../../edxml/signatures/index.ts';
import { samplePdf } from '../../edxml/signatures/sample-pdf.ts';
import type { CaseDefinition, JudgeContext } from '../case.ts';
import { catalogueEntry } from '../catalogue.ts';
import type { InjectRequest } from '../axis-port.ts';
import type { TriggerJson } from '../drivers/trigger.ts';
import { createFakeAxis, runCase, scriptedSut, SUT, TEST_TIMING, testRunPki, type ScriptedSut } from '../testing/scripted-sut.ts';
import { signatureCases } from './signatures.ts';
import { signedPdfAttachment } from './support/counterparts/sign.ts';
import { pdfAttachment } from './support/counterparts/build.ts';

const byId = (id: string): CaseDefinition => signatureCases.find((c) => c.id === id)!;
const pki = testRunPki();
const SUT_NAME = 'UBND tỉnh Nghệ An';

/** The SUT's PDF, signed as the scenario says (the organisation's certificate by default). */
async function sutPdf(options: { variant?: CertificateVariant; personal?: boolean; unsigned?: boolean } = {}) {
  if (options.unsigned) return pdfAttachment('cong-van.pdf');
  const certificate = await pki.obtain({
    agencyCode: SUT,
    agencyName: SUT_NAME,
    variant: options.variant ?? 'valid',
    ...(options.personal ? { signer: 'Nguyễn Văn An' } : {}),
  });
  const bytes = await signPdf(samplePdf(), certificate);
  return { name: 'cong-van.pdf', contentType: 'application/pdf', bytes };
}

const sutPacket = async (t: TriggerJson, pdf: Awaited<ReturnType<typeof sutPdf>>) =>
  buildPacket(
    composeEdoc({
      from: { organId: SUT, organName: SUT_NAME },
      to: t.to ?? [],
      codeNumber: t.document!.codeNumber,
      codeNotation: t.document!.codeNotation,
      promulgationDate: vietnamDate(new Date()),
      subject: t.document!.subject,
      attachments: [pdf],
    }),
  );

async function sending(id: string, make: (t: TriggerJson) => Promise<Uint8Array>) {
  const axis = createFakeAxis();
  const sut = scriptedSut(axis, pki);
  // Signing and verifying take real time; the deadline only has to exceed it.
  const timing = { ...TEST_TIMING, responseSeconds: 5 };
  return (await runCase(byId(id), { axis, pki, timing, onTrigger: async (t) => void (await sut.send(await make(t))) })).outcome;
}

/** The SUT answers each injected document with the status `verdict` picks for it. */
async function receiving(id: string, verdict: (request: InjectRequest, index: number) => string) {
  const axis = createFakeAxis();
  const sut: ScriptedSut = scriptedSut(axis, pki);
  let index = 0;
  axis.onInject = (request) => {
    const packet = parsePacket(request.bytes).packet;
    if (packet?.kind !== 'edoc') return;
    const code = verdict(request, index++);
    setImmediate(() => void sut.sendStatus(responseForDocument(packet), code, code === '02' ? 'Chữ ký số không hợp lệ' : undefined));
  };
  return (await runCase(byId(id), { axis, pki })).outcome;
}

describe('signature cases', () => {
  beforeAll(async () => {
    // Issue every certificate once up front, as a run's PKI folder already holds them.
    for (const variant of ['valid', 'expired', 'untrusted'] as const) await pki.obtain({ agencyCode: SUT, agencyName: SUT_NAME, variant });
    await pki.obtain({ agencyCode: SUT, agencyName: SUT_NAME, signer: 'Nguyễn Văn An', variant: 'valid' });
  });

  it('SG-01 passes an organisation-signed PDF and fails an unsigned one (stricter than validate)', async () => {
    expect((await sending('SG-01', async (t) => sutPacket(t, await sutPdf()))).result).toBe('pass');
    const unsigned = await sending('SG-01', async (t) => sutPacket(t, await sutPdf({ unsigned: true })));
    expect(unsigned.result).toBe('fail');
    expect(unsigned.observed?.en).toContain('EDXML-SIG-013');
  });

  it('SG-01 fails a PDF signed under an untrusted root', async () => {
    const untrusted = await sending('SG-01', async (t) => sutPacket(t, await sutPdf({ variant: 'untrusted' })));
    expect(untrusted.result).toBe('fail');
    expect(untrusted.observed?.en).toContain('EDXML-SIG-004');
  });

  it('SG-02 fails when only a personal signature is on the PDF', async () => {
    expect((await sending('SG-02', async (t) => sutPacket(t, await sutPdf()))).result).toBe('pass');
    const personal = await sending('SG-02', async (t) => sutPacket(t, await sutPdf({ personal: true })));
    expect(personal.result).toBe('fail');
    expect(personal.observed?.en).toContain('EDXML-SIG-014');
  });

  it('SG-03 fails a signature made with an expired certificate', async () => {
    expect((await sending('SG-03', async (t) => sutPacket(t, await sutPdf()))).result).toBe('pass');
    const expired = await sending('SG-03', async (t) => sutPacket(t, await sutPdf({ variant: 'expired' })));
    expect(expired.result).toBe('fail');
    expect(expired.observed?.en).toContain('EDXML-SIG-005');
  });

  it('SG-04 passes a signed packet, skips an unsigned one, fails a Signature outside the XMLDSig namespace', async () => {
    const key = await pki.obtain({ agencyCode: SUT, agencyName: SUT_NAME });
    const signed = async (t: TriggerJson) => signPacket(await sutPacket(t, await sutPdf()), key.privateKeyPem, [key.certificatePem, ...key.chainPem]);
    expect((await sending('SG-04', signed)).result).toBe('pass');
    const unsigned = await sending('SG-04', async (t) => sutPacket(t, await sutPdf()));
    expect(unsigned.result).toBe('skip');
    expect(unsigned.message.en).toContain('does not sign packets');
    const foreign = await sending('SG-04', async (t) =>
      new TextEncoder().encode(Buffer.from(await signed(t)).toString('utf8').split(XMLDSIG_NS).join('urn:example:not-xmldsig')),
    );
    expect(foreign.result).toBe('fail');
    expect(foreign.observed?.en).toContain('EDXML-SIG-016');
  });

  it('SG-05 passes a 02 to a document changed after signing and fails a 03', async () => {
    expect((await receiving('SG-05', () => '02')).result).toBe('pass');
    const accepted = await receiving('SG-05', () => '03');
    expect(accepted.result).toBe('fail');
    expect(accepted.observed?.en).toContain('answered 03');
  });

  it('SG-06 needs a 02 for each of the untrusted, expired and revoked signatures', async () => {
    const all = await receiving('SG-06', () => '02');
    expect(all.result).toBe('pass');
    expect(all.evidence.length).toBeGreaterThanOrEqual(6);
    const acceptsRevoked = await receiving('SG-06', (_r, i) => (i === 2 ? '03' : '02'));
    expect(acceptsRevoked.result).toBe('fail');
    expect(acceptsRevoked.observed?.en).toContain('revoked certificate');
  });

  it('SG-07 passes a 03 to a correctly signed document and fails a 02', async () => {
    expect((await receiving('SG-07', () => '03')).result).toBe('pass');
    expect((await receiving('SG-07', () => '02')).result).toBe('fail');
  });

  it('SG-05 ends error, not fail, when the run has no PKI to sign with', async () => {
    const axis = createFakeAxis();
    const { outcome } = await runCase(byId('SG-05'), { axis });
    expect(outcome.result).toBe('error');
    expect(outcome.message.en).toContain('no test PKI');
  });

  it('the counterparts’ defective documents really carry the defect the validator names', async () => {
    const ctx = { entry: catalogueEntry('SG-06')!, run: { runId: 'r', sutCode: SUT, timing: TEST_TIMING, pki } } as unknown as JudgeContext;
    const issuer = '000.01.01.G99';
    const context = { trustAnchors: pki.trustAnchors, path: '/p', fromOrganId: issuer };
    const rules = async (options: Parameters<typeof signedPdfAttachment>[3]) => {
      const pdf = await signedPdfAttachment(ctx, issuer, 'x.pdf', options);
      // The CRL is rebuilt after issuing: the revoked certificate only exists from now on.
      return (await verifyPdfSignatures(pdf.bytes, { ...context, crls: [await buildCrl(pki.pki)] })).filter((f) => f.level === 'error' || f.rule === 'EDXML-SIG-004').map((f) => f.rule);
    };
    expect(await rules({})).toEqual([]);
    expect(await rules({ tamper: true })).toContain('EDXML-SIG-002');
    expect(await rules({ variant: 'untrusted' })).toContain('EDXML-SIG-004');
    expect(await rules({ variant: 'expired' })).toContain('EDXML-SIG-005');
    expect(await rules({ variant: 'revoked' })).toContain('EDXML-SIG-008');
  });
});
