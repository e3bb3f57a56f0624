import { EXIT_OK, type TrucCommand } from '../command.ts';
import { signPacket, type CertificateVariant } from '../../edxml/signatures/index.ts';
import { agencyNameFor, DEFAULT_PKI_DIR, openPki, readInput, VARIANT_CHOICES, withCliErrors, writeOutput } from '../signature-cli.ts';

interface SignPacketArgs {
  pki: string;
  agency: string;
  agencyName?: string;
  variant: CertificateVariant;
  in: string;
  out: string;
}

export const signPacketCommand: TrucCommand<SignPacketArgs> = {
  builder: (y) =>
    y
      .option('pki', { type: 'string', default: DEFAULT_PKI_DIR, describe: 'thư mục PKI / PKI folder (created on first use)' })
      .option('agency', { type: 'string', demandOption: true, describe: 'mã định danh cơ quan / agency code' })
      .option('agency-name', { type: 'string', describe: 'tên cơ quan (mặc định từ danh bạ) / agency name (default: directory)' })
      .option('variant', { choices: VARIANT_CHOICES, default: 'valid' as CertificateVariant })
      .option('in', { type: 'string', demandOption: true, describe: 'gói tin .edxml / packet' })
      .option('out', { type: 'string', demandOption: true, describe: 'gói tin đã ký / signed packet' }) as never,
  run: async (args) => {
    const input = await readInput(args.in);
    const folder = await openPki(args.pki, true);
    const agencyName = await agencyNameFor(args.agency, args.agencyName);
    const issued = await withCliErrors(() => folder.obtain({ agencyCode: args.agency, agencyName, variant: args.variant }));
    // KeyInfo carries the certificate and its intermediates, not the root: verifiers bring their own anchors.
    const chain = [issued.certificatePem, ...issued.chainPem.slice(0, -1)];
    const signed = await withCliErrors(async () => signPacket(input, issued.privateKeyPem, chain));
    await writeOutput(args.out, signed);
    process.stdout.write(`Đã ký gói tin / Packet signed: ${agencyName} → ${args.out}\n`);
    return EXIT_OK;
  },
};
