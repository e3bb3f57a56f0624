// Contract between the validator and the signature verifiers (issue 4 implements it).
import type { Finding } from '../finding.ts';

export interface TrustContext {
  /** PEM certificates accepted as trust anchors; none means every chain is "unknown root" (a warning in validate). */
  trustAnchors: string[];
  /** Revocation lists, DER or PEM. */
  crls: Uint8Array[];
  /** Clock for "not yet valid / expired" when a signature has no signingTime. */
  now?: Date;
}

export interface PdfSignatureContext extends TrustContext {
  /** Element path of the Attachment carrying the PDF, used as the findings' path. */
  path: string;
  /** SignerInfo/FullName of the packet, to compare with the personal certificate's CN. */
  signerFullName?: string;
  /** From/OrganId and From/OrganName, to find the organisation's signature. */
  fromOrganId?: string;
  fromOrganName?: string;
}

export interface PacketSignatureContext extends TrustContext {
  /** Element path of the Signature element. */
  path: string;
}
