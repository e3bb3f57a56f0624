// `truc reference-agency`: the reference agency as a standalone SUT process, for
// `truc certify --sut-cmd "truc reference-agency --webhook-port N" --driver webhook:…` and as a
// runnable integration example. Configuration comes from the TRUC_* environment the suite gives
// a SUT; its signing keys from the PKI folder (issued there on first use, like `truc pki issue`).
import { CliError, EXIT_OK, type TrucCommand } from '../command.ts';
import { portValue } from '../options.ts';
import { startStandaloneAgency, StandaloneConfigError } from '../../conformance/reference/standalone.ts';
import { REFERENCE_SUT } from '../../conformance/run-suite.ts';
import { DEFAULT_PKI_DIR, openPkiFolder } from '../../simulator/pki-folder.ts';

interface ReferenceAgencyArgs {
  pki: string;
  name: string;
  webhookPort: number;
  webhookToken?: string;
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Resolves on the first SIGINT or SIGTERM. */
const stopSignal = (): Promise<void> =>
  new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

export const referenceAgencyCommand: TrucCommand<ReferenceAgencyArgs> = {
  builder: (y) =>
    y
      .option('pki', { type: 'string', default: process.env.TRUC_PKI_DIR ?? DEFAULT_PKI_DIR, describe: 'thư mục PKI / PKI folder (TRUC_PKI_DIR)' })
      .option('name', { type: 'string', default: REFERENCE_SUT.name, describe: 'tên cơ quan / agency name' })
      .option('webhook-port', { type: 'string', default: process.env.TRUC_WEBHOOK_PORT ?? 0, coerce: portValue('webhook-port'), describe: 'cổng webhook kích hoạt / trigger webhook port (127.0.0.1; TRUC_WEBHOOK_PORT)' })
      .option('webhook-token', { type: 'string', default: process.env.TRUC_WEBHOOK_TOKEN, describe: 'X-Truc-Token mong đợi / expected X-Truc-Token (TRUC_WEBHOOK_TOKEN)' }) as never,
  run: async (args) => {
    let pki;
    try {
      pki = await openPkiFolder(args.pki, { create: true });
    } catch (e) {
      throw new CliError('REF-PKI', `Không mở được thư mục PKI ${args.pki}.`, `Cannot open the PKI folder ${args.pki} (${reason(e)}).`);
    }
    const log = (line: string) => process.stderr.write(`${line}\n`);
    let agency;
    try {
      agency = await startStandaloneAgency({ env: process.env, certificates: pki, name: args.name, webhookPort: args.webhookPort, webhookToken: args.webhookToken, log });
    } catch (e) {
      if (e instanceof StandaloneConfigError) throw new CliError(e.code, e.vi, e.en);
      throw e;
    }
    process.stdout.write(`truc: cơ quan mẫu / reference agency ${process.env.TRUC_SYSTEM_ID} · webhook ${agency.webhookUrl}\n`);
    await stopSignal();
    await agency.stop();
    return EXIT_OK;
  },
};
