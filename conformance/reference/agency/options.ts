// How the reference agency is configured: its axis, identity, trust material and signing keys.

/** A key and certificate (PEM) with the issuer chain up to the root. */
export interface SigningIdentity {
  privateKeyPem: string;
  certificatePem: string;
  chainPem: string[];
}

export interface ReferenceAgencyOptions {
  /** The axis: base URL of the operations, and optionally a fetch that stays in-process. */
  axis: { baseUrl: string; fetch?: (request: Request) => Promise<Response> | Response };
  /** Its systemid, which is also its agency code (QCVN 102 form). */
  code: string;
  secret: string;
  /** Agency name, as written in From/OrganName and in its organisation certificate. */
  name: string;
  /**
   * The run's trust anchors (PEM) and revocation lists (DER or PEM), asked for at every check: a
   * CRL grows during a run, and a real system refreshes it too.
   */
  trust: () => TrustMaterial | Promise<TrustMaterial>;
  /** Organisation certificate (names the agency) and the person who signs documents. */
  signing: { organisation: SigningIdentity; person: SigningIdentity & { fullName: string } };
  /** Pause between poll cycles (default 400 ms: 5 polling calls a second, under T-06's ceiling). */
  pollIntervalMs?: number;
  clock?: () => Date;
  /** One line per notable event (demo and standalone process print them). */
  log?: (line: string) => void;
}

export type TriggerAnswer = 'accepted' | 'refused';

export interface TrustMaterial {
  trustAnchors: string[];
  crls: Uint8Array[];
}
