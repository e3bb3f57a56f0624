import { describe, expect, it } from 'vitest';
import { signatureRules, sigRules } from './rules.ts';

describe('signature rules', () => {
  it('have unique EDXML-SIG ids, category signature and both languages', () => {
    const ids = signatureRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of signatureRules) {
      expect(rule.id).toMatch(/^EDXML-SIG-\d{3}$/);
      expect(rule.category).toBe('signature');
      expect(rule.message.vi.length).toBeGreaterThan(10);
      expect(rule.message.en.length).toBeGreaterThan(10);
      expect(rule.cite).not.toBe('');
    }
  });

  it('carry the levels of the `truc validate` column of docs/validate.md', () => {
    const errors = [
      sigRules.pdfSignatureInvalid, // digest or signature math fails
      sigRules.xmlSignatureInvalid,
      sigRules.pdfBytesChanged, // bytes changed inside a signed ByteRange
      sigRules.certificateExpired, // expired / not yet valid / wrong key usage
      sigRules.certificateNotYetValid,
      sigRules.wrongKeyUsage,
      sigRules.certificateRevoked,
      sigRules.xmlSignatureNamespace, // Signature outside the XMLDSig namespace
      sigRules.xmlSignaturePartial, // Reference to less than the whole packet
      sigRules.chainInvalid, // RFC 5280 path basics
    ];
    const warnings = [
      sigRules.pdfUnsignedTail,
      sigRules.untrustedChain,
      sigRules.noRevocationData,
      sigRules.pdfNotSigned,
      sigRules.noOrganisationSignature,
      sigRules.signerNameMismatch,
      sigRules.noSigningTime,
      sigRules.signingTimeUnvouched,
      sigRules.weakDigest,
      sigRules.invalidExcC14nUri,
      sigRules.unsupportedSubFilter,
    ];
    expect(errors.map((r) => r.level)).toEqual(errors.map(() => 'error'));
    expect(warnings.map((r) => r.level)).toEqual(warnings.map(() => 'warning'));
    expect(errors.length + warnings.length).toBe(signatureRules.length);
  });
});
