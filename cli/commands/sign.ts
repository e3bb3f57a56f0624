import { EXIT_OK, type TrucCommand } from '../command.ts';
import { signPdf, type CertificateVariant, type IssueOptions } from '../../edxml/signatures/index.ts';
import type { PkiFolder } from '../../simulator/pki-folder.ts';
import { agencyNameFor, DEFAULT_PKI_DIR, openPki, readInput, VARIANT_CHOICES, withCliErrors, writeOutput } from '../signature-cli.ts';

interface SignArgs {
  pki: string;
  agency: string;
  agencyName?: string;
  signer?: string;
  variant: CertificateVariant;
  in: string;
  out: string;
}

const ONE_HOUR_MS = 3_600_000;

/** Deterministic PKI folders sign at a fixed instant (their clock + 1 h) so their outputs never change. */
export const signingTimeFor = (folder: PkiFolder): Date =>
  folder.pki.deterministic ? new Date(folder.pki.now.getTime() + ONE_HOUR_MS) : new Date();

export const signCommand: TrucCommand<SignArgs> = {
  builder: (y) =>
    y
      .option('pki', { type: 'string', default: DEFAULT_PKI_DIR, describe: 'thư mục PKI / PKI folder (created on first use)' })
      .option('agency', { type: 'string', demandOption: true, describe: 'mã định danh cơ quan / agency code' })
      .option('agency-name', { type: 'string', describe: 'tên cơ quan (mặc định từ danh bạ) / agency name (default: directory)' })
      .option('signer', { type: 'string', describe: 'họ tên người ký / signer full name' })
      .option('variant', { choices: VARIANT_CHOICES, default: 'valid' as CertificateVariant, describe: 'lỗi cố ý của chứng thư / deliberate certificate defect' })
      .option('in', { type: 'string', demandOption: true, describe: 'PDF đầu vào / input PDF' })
      .option('out', { type: 'string', demandOption: true, describe: 'PDF đã ký / signed PDF' }) as never,
  run: async (args) => {
    const input = await readInput(args.in);
    const folder = await openPki(args.pki, true);
    const agencyName = await agencyNameFor(args.agency, args.agencyName);
    const organisation: IssueOptions = { agencyCode: args.agency, agencyName, variant: args.variant };
    const identities = args.signer ? [{ ...organisation, signer: args.signer }, organisation] : [organisation];
    const signingTime = signingTimeFor(folder);
    let pdf = input;
    for (const options of identities) {
      const issued = await withCliErrors(() => folder.obtain(options));
      pdf = await withCliErrors(() => signPdf(pdf, issued, { signingTime }));
    }
    await writeOutput(args.out, pdf);
    const who = identities.map((o) => o.signer ?? o.agencyName).join(', ');
    process.stdout.write(`Đã ký / Signed (${identities.length}): ${who} → ${args.out}\n`);
    return EXIT_OK;
  },
};
