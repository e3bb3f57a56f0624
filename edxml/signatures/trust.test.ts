// The trust cache hits on content: validators get fresh arrays of the same anchors and CRLs for
// every packet, and must not parse them again each time.
import { describe, expect, it } from 'vitest';
import { prepareTrust } from './trust.ts';
import { testPkiKit } from './test-pki.ts';

describe('prepareTrust', async () => {
  const kit = await testPkiKit();
  it('parses the same anchors and CRLs once, whatever array holds them', () => {
    const first = prepareTrust({ trustAnchors: [kit.pki.root.certificatePem], crls: [kit.crl] });
    const again = prepareTrust({ trustAnchors: [kit.pki.root.certificatePem], crls: [Uint8Array.from(kit.crl)] });
    expect(again.anchors).toBe(first.anchors);
    expect(again.crls).toBe(first.crls);
    expect(first.anchors).toHaveLength(1);
  });

  it('tells different content apart', () => {
    const one = prepareTrust({ trustAnchors: [kit.pki.root.certificatePem], crls: [] });
    const two = prepareTrust({ trustAnchors: [kit.pki.root.certificatePem, kit.pki.untrustedRoot.certificatePem], crls: [] });
    expect(two.anchors).not.toBe(one.anchors);
    expect(two.anchors).toHaveLength(2);
  });
});
