// The simulator a run starts for itself (`truc demo`, `truc certify --serve`, the suite's own
// tests): the axis core with the seeded directory, the run's trust anchors and CRL, and the SUT
// connected as a system.
import { randomBytes } from 'node:crypto';
import { derToPem } from '../edxml/signatures/pem.ts';
import { createAxis, type Axis } from '../simulator/axis.ts';
import type { TrustProvider } from '../simulator/control/trust.ts';
import { seedDirectory } from '../simulator/directory/seed.ts';
import type { PkiFolder } from '../simulator/pki-folder.ts';
import { createMemoryStore } from '../simulator/store/memory.ts';
import type { Store } from '../simulator/store/types.ts';

export interface RunTrust {
  /** PEM trust anchors: the PKI root first, then every root given with --trust (added, never replacing). */
  trustAnchors: string[];
  /** The PKI's CRL, DER. */
  crls: Uint8Array[];
}

export const runTrust = (pki: PkiFolder, extraRootsPem: readonly string[] = []): RunTrust => ({
  trustAnchors: [...pki.trustAnchorsPem, ...extraRootsPem],
  // Read live: a certificate a case revokes during the run (SG-06) is in the CRL from then on.
  get crls() {
    return [pki.crlDer];
  },
});

/** Serves the run's trust live from the folder, so a certificate revoked during the run is in the CRL. */
export const trustProviderOf = (pki: PkiFolder, extraRootsPem: readonly string[] = []): TrustProvider => ({
  trustAnchors: async () => [...pki.trustAnchorsPem, ...extraRootsPem],
  crl: async () => derToPem(pki.crlDer, 'X509 CRL'),
});

export interface EmbeddedSimulatorOptions {
  pki: PkiFolder;
  extraRootsPem?: readonly string[];
  /** Default: in memory. */
  store?: Store;
  sut: { code: string; secret?: string };
}

export interface EmbeddedSimulator {
  axis: Axis;
  /** The SUT's secret (given, or generated). */
  secret: string;
}

export async function startEmbeddedSimulator(options: EmbeddedSimulatorOptions): Promise<EmbeddedSimulator> {
  const secret = options.sut.secret ?? randomBytes(18).toString('base64url');
  const axis = await createAxis({
    store: options.store ?? createMemoryStore(),
    directory: await seedDirectory(),
    trust: trustProviderOf(options.pki, options.extraRootsPem),
    systems: [{ systemId: options.sut.code, secret }],
  });
  return { axis, secret };
}
