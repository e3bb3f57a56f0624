// PDF-signature verification per second for a 1 MB PDF carrying two signatures (signer, then
// organisation), against the raw node:crypto work on the same bytes: hash both signed ranges of
// each signature and verify each RSA signature, with everything already parsed. Goal (issue 4):
// ≥ 0.5× the raw rate. Both run in the same process, interleaved, so load affects them alike.
import { createHash, verify, X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { signPdf, samplePdf, verifyPdfSignatures } from '../../edxml/signatures/index.ts';
import { findPdfSignatures, signedParts } from '../../edxml/signatures/pdf-signatures.ts';
import { AGENCY, SIGNER_NAME, testPkiKit } from '../../edxml/signatures/test-pki.ts';

const ROUND_MS = 500;
const ROUNDS = 6;

async function rate(work: () => Promise<unknown> | unknown): Promise<number> {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ROUND_MS) {
    await work();
    n += 1;
  }
  return (n * 1000) / (performance.now() - start);
}

export async function run(): Promise<void> {
  const kit = await testPkiKit();
  const signingTime = new Date();
  const base = samplePdf({ minBytes: 1_000_000 });
  const pdf = await signPdf(await signPdf(base, kit.personal(), { signingTime }), kit.organisation(), { signingTime });
  const ctx = kit.context({ signerFullName: SIGNER_NAME, fromOrganId: AGENCY.agencyCode });
  const findings = await verifyPdfSignatures(pdf, ctx);
  if (findings.length > 0) throw new Error(`benchmark PDF does not verify cleanly: ${findings.map((f) => f.rule).join(', ')}`);

  // The raw baseline gets its inputs pre-parsed: signed ranges, signed attributes, signature, key.
  const raw = findPdfSignatures(pdf).map((span) => {
    const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(span.contents as Uint8Array).content });
    const signer = signed.signerInfos[0];
    const cert = (signed.certificates ?? [])[0] as pkijs.Certificate;
    return {
      parts: signedParts(pdf, span),
      attributes: new Uint8Array(signer.signedAttrs?.encodedValue ?? new ArrayBuffer(0)),
      signature: signer.signature.valueBlock.valueHexView,
      key: new X509Certificate(new Uint8Array(cert.toSchema().toBER(false))).publicKey,
    };
  });
  const rawVerify = () => {
    for (const r of raw) {
      const hash = createHash('sha256');
      for (const part of r.parts) hash.update(part);
      hash.digest();
      if (!verify('sha256', r.attributes, r.key, r.signature)) throw new Error('raw verify failed');
    }
  };

  let ours = 0;
  let baseline = 0;
  for (let i = 0; i < ROUNDS; i += 1) {
    ours += await rate(() => verifyPdfSignatures(pdf, ctx));
    baseline += await rate(rawVerify);
  }
  ours /= ROUNDS;
  baseline /= ROUNDS;
  const mb = (pdf.length / 1_048_576).toFixed(2);
  process.stdout.write(
    `PDF ${mb} MiB, 2 signatures (chain, CRL, names checked)\n` +
      `  verifyPdfSignatures:            ${ours.toFixed(1)} PDFs/s\n` +
      `  raw node:crypto digest+verify:  ${baseline.toFixed(1)} PDFs/s\n` +
      `  ratio: ${(ours / baseline).toFixed(2)}× (goal ≥ 0.5×)\n`,
  );
}
