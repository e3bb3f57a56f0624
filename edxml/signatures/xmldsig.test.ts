import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPacket } from '../build.ts';
import { composeEdoc } from '../compose.ts';
import { samplePdf } from './sample-pdf.ts';
import { AGENCY, testPkiKit, type TestPkiKit } from './test-pki.ts';
import { signPacket, verifyPacketSignature } from './xmldsig.ts';

let kit: TestPkiKit;
let packet: Uint8Array;
let signed: string;
const PATH = '/edXML/edXMLEnvelope/edXMLHeader/Signature';
const chainOf = (v: Parameters<TestPkiKit['organisation']>[0] = 'valid') => {
  const issued = kit.organisation(v);
  return [issued.certificatePem, ...issued.chainPem.slice(0, -1)];
};
const rules = async (xml: string) => (await verifyPacketSignature(xml, { ...kit.context(), path: PATH })).map((f) => f.rule).sort();

const INVALID_EXC_C14N = 'http://www.w3.org/TR/xml-exc-c14n#';

/** Writes the invalid URI seen in real packets (xml-crypto writes the algorithm's own name). */
class WildExclusiveCanonicalization extends ExclusiveCanonicalization {
  override getAlgorithmName() {
    return INVALID_EXC_C14N as ReturnType<ExclusiveCanonicalization['getAlgorithmName']>;
  }
}

/** Signs with the algorithms seen in the wild rather than ours. */
function signLegacy(xml: string, c14n: string, signatureAlgorithm: string, digestAlgorithm: string): string {
  const issued = kit.organisation();
  const sig = new SignedXml({ privateKey: issued.privateKeyPem, publicCert: chainOf().join('\n'), signatureAlgorithm, canonicalizationAlgorithm: c14n });
  sig.CanonicalizationAlgorithms[INVALID_EXC_C14N] = WildExclusiveCanonicalization;
  sig.addReference({ xpath: '/*', transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', c14n], digestAlgorithm, uri: '', isEmptyUri: true });
  sig.computeSignature(xml, { location: { reference: "//*[local-name(.)='edXMLHeader']", action: 'append' } });
  return sig.getSignedXml();
}

beforeAll(async () => {
  kit = await testPkiKit();
  packet = buildPacket(
    composeEdoc({
      from: { organId: AGENCY.agencyCode, organName: AGENCY.agencyName },
      to: ['000.00.00.G12'],
      codeNumber: '7',
      codeNotation: 'VPCP-TTĐT',
      promulgationDate: '2026/01/05',
      subject: 'Thử nghiệm chữ ký gói tin',
      attachments: [{ name: 'cv.pdf', contentType: 'application/pdf', bytes: samplePdf() }],
    }),
  );
  signed = Buffer.from(signPacket(packet, kit.organisation().privateKeyPem, chainOf())).toString('utf8');
});

describe('signPacket', () => {
  it('puts one XMLDSig Signature last in edXMLHeader with exclusive C14N and RSA-SHA256', () => {
    const header = signed.slice(signed.indexOf('edXMLHeader>'), signed.indexOf('edXMLHeader>', signed.indexOf('edXMLHeader>') + 1));
    expect(header.lastIndexOf('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">')).toBeGreaterThan(header.lastIndexOf('MessageHeader>'));
    expect(header.trimEnd().endsWith('</Signature></edXML:')).toBe(true);
    expect(signed).toContain('Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"');
    expect(signed).toContain('Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"');
    expect(signed.match(/<X509Certificate>/g)).toHaveLength(2);
  });

  it('replaces an existing signature instead of stacking a second', async () => {
    const again = Buffer.from(signPacket(signed, kit.organisation().privateKeyPem, chainOf())).toString('utf8');
    expect(again.match(/<Signature /g)).toHaveLength(1);
    expect(await rules(again)).toEqual([]);
  });

  it('refuses input that is not a packet with coded errors', () => {
    expect(() => signPacket('not xml', 'k', [])).toThrow(expect.objectContaining({ code: 'SIG-XML-UNREADABLE' }));
    expect(() => signPacket('<a/>', 'k', [])).toThrow(expect.objectContaining({ code: 'SIG-XML-NO-HEADER' }));
    expect(() => signPacket('<!DOCTYPE a []><a/>', 'k', [])).toThrow(expect.objectContaining({ code: 'SIG-XML-UNREADABLE' }));
  });
});

describe('verifyPacketSignature', () => {
  it('accepts our own signature and has nothing to say about an unsigned packet', async () => {
    expect(await rules(signed)).toEqual([]);
    expect(await rules(Buffer.from(packet).toString('utf8'))).toEqual([]);
  });

  it('reports a packet changed after signing, including its attachments', async () => {
    expect(await rules(signed.replace('Thử nghiệm chữ ký gói tin', 'Thử nghiệm chữ ký gói tin!'))).toEqual(['EDXML-SIG-017']);
    const encoded = /<edXML:ContentTransferEncoded[^>]*>([^<]{8})/.exec(signed)?.[1] ?? '';
    expect(await rules(signed.replace(encoded, encoded.split('').reverse().join('')))).toEqual(['EDXML-SIG-017']);
  });

  it('verifies a Signature moved out of edXMLHeader, and fails it when the packet was changed', async () => {
    const block = /<Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">[\s\S]*<\/Signature>/.exec(signed)?.[0] ?? '';
    expect(block).not.toBe('');
    const withoutHeaderSignature = signed.replace(block, '');
    // Into edXMLEnvelope, right after edXMLHeader; and after the envelope, as a child of the root.
    const inEnvelope = withoutHeaderSignature.replace(/(<\/edXML:edXMLHeader>)/, `$1${block}`);
    const atRoot = withoutHeaderSignature.replace(/(<\/edXML:edXMLEnvelope>)/, `$1${block}`);
    for (const moved of [inEnvelope, atRoot]) {
      expect(moved).not.toBe(withoutHeaderSignature);
      expect(await rules(moved)).toEqual([]);
      expect(await rules(moved.replace('Thử nghiệm chữ ký gói tin', 'Thử nghiệm chữ ký gói tin!'))).toEqual(['EDXML-SIG-017']);
    }
  });

  it('reports a signature that covers only part of the packet (a Reference to MessageHeader)', async () => {
    const issued = kit.organisation();
    const sig = new SignedXml({ privateKey: issued.privateKeyPem, publicCert: chainOf().join('\n'), signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#' });
    sig.addReference({ xpath: "//*[local-name(.)='MessageHeader']", transforms: ['http://www.w3.org/2001/10/xml-exc-c14n#'], digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256' });
    sig.computeSignature(Buffer.from(packet).toString('utf8'), { location: { reference: "//*[local-name(.)='edXMLHeader']", action: 'append' } });
    const partial = sig.getSignedXml();
    expect(partial).toMatch(/<Reference URI="#/);
    expect(await rules(partial)).toEqual(['EDXML-SIG-019']);
    // Changing an attachment goes unnoticed by such a signature: that is why it is an error.
    const encoded = /<edXML:ContentTransferEncoded[^>]*>([^<]{8})/.exec(partial)?.[1] ?? '';
    expect(await rules(partial.replace(encoded, encoded.split('').reverse().join('')))).toEqual(['EDXML-SIG-019']);
  });

  it('reports a copied placeholder SignatureValue', async () => {
    const value = /<SignatureValue>([^<]+)</.exec(signed)?.[1] ?? '';
    expect(await rules(signed.replace(value, Buffer.alloc(256, 7).toString('base64')))).toEqual(['EDXML-SIG-017']);
  });

  it('reports a Signature outside the XMLDSig namespace as an error', async () => {
    expect(await rules(signed.replace(' xmlns="http://www.w3.org/2000/09/xmldsig#"', ''))).toEqual(['EDXML-SIG-016']);
  });

  it('reports a Signature without a certificate', async () => {
    expect(await rules(signed.replace(/<KeyInfo>[\s\S]*<\/KeyInfo>/, ''))).toEqual(['EDXML-SIG-017']);
  });

  it('accepts inclusive C14N with SHA-1, warning about SHA-1 only', async () => {
    const legacy = signLegacy(
      Buffer.from(packet).toString('utf8'),
      'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
      'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
      'http://www.w3.org/2000/09/xmldsig#sha1',
    );
    expect(await rules(legacy)).toEqual(['EDXML-SIG-011']);
  });

  it('reads the invalid exc-c14n URI as exclusive C14N, with a warning', async () => {
    const wild = signLegacy(
      Buffer.from(packet).toString('utf8'),
      INVALID_EXC_C14N,
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      'http://www.w3.org/2001/04/xmlenc#sha256',
    );
    expect(wild).toContain(`Algorithm="${INVALID_EXC_C14N}"`);
    expect(await rules(wild)).toEqual(['EDXML-SIG-018']);
  });

  it('judges the signing certificate like a PDF signer', async () => {
    const revoked = Buffer.from(signPacket(packet, kit.organisation('revoked').privateKeyPem, chainOf('revoked'))).toString('utf8');
    expect(await rules(revoked)).toEqual(['EDXML-SIG-008']);
  });

  it('reports unreadable XML without throwing', async () => {
    expect(await rules('<edXML')).toEqual(['EDXML-SIG-017']);
  });

  it('never throws when characters inside the Signature are changed', async () => {
    const fc = await import('fast-check');
    const start = signed.indexOf('<Signature');
    const end = signed.indexOf('</Signature>');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: start, max: end }), fc.constantFrom(...'AZaz09+/=<>" ')), { minLength: 1, maxLength: 5 }),
        async (edits) => {
          const chars = signed.split('');
          for (const [at, c] of edits) chars[at] = c;
          const findings = await verifyPacketSignature(chars.join(''), { ...kit.context(), path: PATH });
          expect(Array.isArray(findings)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
