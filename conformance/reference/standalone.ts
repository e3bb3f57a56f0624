// The reference agency as its own process, configured exactly as the suite configures any SUT it
// starts (`truc certify --sut-cmd`): TRUC_AXIS_URL, TRUC_SYSTEM_ID, TRUC_SECRET, TRUC_TRUST_PEM
// and TRUC_CRL_PEM in the environment. It takes triggers on a small local webhook
// (`--driver webhook:http://127.0.0.1:PORT/trigger`, header X-Truc-Token). This is the shape a
// vendor's adapter takes: read the trigger JSON, do the action, answer 202 or 409.
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { pemToDer, splitPem } from '../../edxml/signatures/pem.ts';
import { startServer, type RunningServer } from '../../simulator/server.ts';
import type { TriggerJson } from '../drivers/trigger.ts';
import { ReferenceAgency, type TrustMaterial } from './agency.ts';
import { referenceSigning, type CertificateSource } from './signing.ts';

export class StandaloneConfigError extends Error {
  constructor(
    readonly code: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface StandaloneOptions {
  env: NodeJS.ProcessEnv;
  /** Where the agency's organisation and personal certificates come from (the run's PKI folder). */
  certificates: CertificateSource;
  /** Agency name (From/OrganName and its organisation certificate). */
  name: string;
  /** Webhook listening port on 127.0.0.1 (0: any free port). */
  webhookPort: number;
  /** Expected X-Truc-Token; none means any token is accepted. */
  webhookToken?: string;
  log: (line: string) => void;
}

export interface StandaloneAgency {
  webhookUrl: string;
  stop(): Promise<void>;
}

const REQUIRED = ['TRUC_AXIS_URL', 'TRUC_SYSTEM_ID', 'TRUC_SECRET', 'TRUC_TRUST_PEM', 'TRUC_CRL_PEM'] as const;

/** Reads the trust files at every check: the suite may extend the CRL while the run goes on. */
async function readTrust(trustPath: string, crlPath: string): Promise<TrustMaterial> {
  const [anchors, crl] = await Promise.all([readFile(trustPath, 'utf8'), readFile(crlPath, 'utf8')]);
  return { trustAnchors: splitPem(anchors), crls: splitPem(crl, 'X509 CRL').map(pemToDer) };
}

/** A trigger body is accepted only when it has the contract's shape (spec "Trigger JSON"). */
const isTrigger = (v: unknown): v is TriggerJson =>
  typeof v === 'object' && v !== null && typeof (v as TriggerJson).action === 'string' && typeof (v as TriggerJson).case === 'string';

export async function startStandaloneAgency(options: StandaloneOptions): Promise<StandaloneAgency> {
  const missing = REQUIRED.filter((k) => !options.env[k]);
  if (missing.length) {
    throw new StandaloneConfigError('REF-ENV', `Thiếu biến môi trường: ${missing.join(', ')}.`, `Missing environment variables: ${missing.join(', ')}.`);
  }
  const env = options.env as Record<(typeof REQUIRED)[number], string>;
  // Fail at start, not at the first document, when the trust files cannot be read.
  try {
    await readTrust(env.TRUC_TRUST_PEM, env.TRUC_CRL_PEM);
  } catch (e) {
    throw new StandaloneConfigError('REF-TRUST', 'Không đọc được tệp tin cậy (TRUC_TRUST_PEM, TRUC_CRL_PEM).', `Cannot read the trust files (${e instanceof Error ? e.message : String(e)}).`);
  }
  const code = env.TRUC_SYSTEM_ID;
  const agency = new ReferenceAgency({
    axis: { baseUrl: env.TRUC_AXIS_URL },
    code,
    secret: env.TRUC_SECRET,
    name: options.name,
    trust: () => readTrust(env.TRUC_TRUST_PEM, env.TRUC_CRL_PEM),
    signing: await referenceSigning(options.certificates, code, options.name),
    log: options.log,
  });

  const app = new Hono();
  app.post('/trigger', async (c) => {
    if (options.webhookToken !== undefined && c.req.header('x-truc-token') !== options.webhookToken) {
      return c.json({ error: 'token' }, 401);
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'json' }, 400);
    }
    if (!isTrigger(body)) return c.json({ error: 'trigger' }, 400);
    const answer = await agency.handleTrigger(body);
    options.log(`kích hoạt / trigger ${body.case} ${body.action}: ${answer}`);
    return answer === 'accepted' ? c.json({ accepted: true }, 202) : c.json({ accepted: false }, 409);
  });

  await agency.start();
  let server: RunningServer;
  try {
    server = await startServer(app, { host: '127.0.0.1', port: options.webhookPort });
  } catch (e) {
    await agency.stop();
    throw new StandaloneConfigError('REF-LISTEN', `Không lắng nghe được cổng ${options.webhookPort}.`, `Cannot listen on port ${options.webhookPort} (${e instanceof Error ? e.message : String(e)}).`);
  }
  return {
    webhookUrl: `${server.origin}/trigger`,
    async stop() {
      await server.close();
      await agency.stop();
    },
  };
}
