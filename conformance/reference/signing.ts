// Where the reference agency's keys come from: the run's test PKI issues (once, then reuses) its
// organisation certificate — naming the agency, as SG-02 requires — and the personal certificate
// of the official who signs its documents. A vendor's system gets its keys the same way with
// `truc pki issue`.
import type { IssuedCertificate, IssueOptions } from '../../edxml/signatures/index.ts';
import type { ReferenceAgencyOptions } from './agency.ts';

/** The official who signs the reference agency's documents (SignerInfo/FullName, personal certificate CN). */
export const REFERENCE_SIGNER = 'Nguyễn Văn An';

export interface CertificateSource {
  obtain(options: IssueOptions): Promise<IssuedCertificate>;
}

const identity = (c: IssuedCertificate) => ({ privateKeyPem: c.privateKeyPem, certificatePem: c.certificatePem, chainPem: c.chainPem });

export async function referenceSigning(pki: CertificateSource, code: string, name: string): Promise<ReferenceAgencyOptions['signing']> {
  const organisation = await pki.obtain({ agencyCode: code, agencyName: name });
  const person = await pki.obtain({ agencyCode: code, agencyName: name, signer: REFERENCE_SIGNER });
  return { organisation: identity(organisation), person: { ...identity(person), fullName: REFERENCE_SIGNER } };
}
