// The run's trust anchors and CRL, served so a system under test can be configured offline.
import { Hono, type Context } from 'hono';
import { controlError } from './errors.ts';

/** Where trust material comes from (the PKI folder in `truc serve`; anything in tests). */
export interface TrustProvider {
  /** PEM certificates: the test root first, then roots added with --trust. */
  trustAnchors(): Promise<string[]>;
  /** The current CRL as PEM, if the PKI has one. */
  crl(): Promise<string | undefined>;
}

export function trustRoutes(provider: TrustProvider | undefined): Hono {
  const app = new Hono();
  const missing = (c: Context) =>
    controlError(c, 404, 'CTL-PKI-NONE', 'Trục này không có thư mục PKI.', 'This axis has no PKI folder.');
  app.get('/trust', async (c) => {
    if (!provider) return missing(c);
    const pems = await provider.trustAnchors();
    return c.body(pems.map((p) => p.trim()).join('\n') + '\n', 200, { 'content-type': 'application/x-pem-file' });
  });
  app.get('/crl', async (c) => {
    const crl = provider ? await provider.crl() : undefined;
    if (!crl) return missing(c);
    return c.body(crl, 200, { 'content-type': 'application/x-pem-file' });
  });
  return app;
}
