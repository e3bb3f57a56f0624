// Who signed a run certificate, and what that is worth. A certificate signed under the test PKI
// (the folder the tested party itself holds, every name in it marked TEST) proves only that the
// files are unchanged since someone with that folder signed them: a self-test. Only a key the
// tested party cannot hold (an independent certifier's, `--certifier-key`) can certify.
import { X509Certificate } from 'node:crypto';
import type { LocalizedText } from '../../edxml/finding.ts';

export type SignerKind = 'self-test' | 'certifier';

/** The mark every certificate of truc's test PKI carries in its organisation name. */
export const TEST_PKI_MARK = 'TEST - KHONG CO GIA TRI PHAP LY';

export interface SignerInfo {
  kind: SignerKind;
  /** Subject of the signing certificate, as X.509 text. */
  subject: string;
}

export const SIGNER_TEXT: Record<SignerKind, LocalizedText> = {
  'self-test': {
    vi: 'Tự kiểm tra: ký bằng khoá mà bên được kiểm tra có thể nắm giữ',
    en: 'self-test: signed by a key the tested party can hold',
  },
  certifier: {
    vi: 'Ký bởi khoá của người chứng nhận độc lập',
    en: 'signed by an independent certifier key',
  },
};

const asX509 = (c: Uint8Array | string | X509Certificate): X509Certificate =>
  c instanceof X509Certificate ? c : new X509Certificate(typeof c === 'string' ? Buffer.from(c, 'base64') : Buffer.from(c));

/** True when any certificate of the chain (DER, base64 DER or parsed) belongs to a truc test PKI. */
export function chainIsTestPki(chain: readonly (Uint8Array | string | X509Certificate)[]): boolean {
  return chain.some((c) => {
    try {
      const x = asX509(c);
      return x.subject.includes(TEST_PKI_MARK) || x.issuer.includes(TEST_PKI_MARK);
    } catch {
      return false;
    }
  });
}

export function signerSubject(leaf: Uint8Array | string | X509Certificate): string {
  try {
    return asX509(leaf).subject.replace(/\n/g, ', ');
  } catch {
    return '?';
  }
}
