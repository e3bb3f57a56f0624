// A remote run's trust comes from the sandbox that judges it: the SUT is handed the sandbox's trust
// anchors (GET /trust on the control API), and the run refuses to start when the sandbox does not
// trust the PKI its counterparts sign with — otherwise SG-01 would fail a correct system whose
// packets the sandbox cannot verify, and nothing would say why.
import { createHash } from 'node:crypto';
import { pemToDer, splitPem } from '../edxml/signatures/pem.ts';

export class SandboxTrustError extends Error {
  readonly code = 'CERTIFY-TRUST-MISMATCH';
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const fingerprint = (pem: string): string => createHash('sha256').update(pemToDer(pem)).digest('hex');

/** The sandbox's trust anchors (PEM), or undefined when it has no PKI folder (404). */
export async function fetchSandboxTrust(controlUrl: string, token: string): Promise<string[] | undefined> {
  const base = controlUrl.replace(/\/+$/, '');
  const response = await fetch(`${base}/trust`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new SandboxTrustError(`API điều khiển không trả chứng thư gốc (HTTP ${response.status}).`, `The control API did not give its trust anchors (HTTP ${response.status}).`);
  return splitPem(await response.text());
}

/** Throws unless every root of the run's counterpart PKI is among the sandbox's anchors. */
export function assertSandboxTrusts(sandboxAnchors: readonly string[], counterpartRoots: readonly string[], controlUrl: string): void {
  const trusted = new Set(sandboxAnchors.map(fingerprint));
  const missing = counterpartRoots.filter((pem) => !trusted.has(fingerprint(pem)));
  if (missing.length === 0) return;
  throw new SandboxTrustError(
    `Trục ${controlUrl} không tin cậy PKI thử nghiệm mà các cơ quan đối tác của lượt chạy dùng để ký (--pki); hãy dùng cùng thư mục PKI với truc serve hoặc thêm gốc của nó bằng truc serve --trust.`,
    `The sandbox at ${controlUrl} does not trust the test PKI this run's counterparts sign with (--pki); use the same PKI folder as truc serve, or add its root there with truc serve --trust.`,
  );
}
