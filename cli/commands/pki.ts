import { X509Certificate } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT_OK, type TrucCommand } from '../command.ts';
import { toPkcs12, type CertificateVariant } from '../../edxml/signatures/index.ts';
import { openPkiFolder } from '../../simulator/pki-folder.ts';
import { agencyNameFor, DEFAULT_PKI_DIR, openPki, VARIANT_CHOICES, withCliErrors, writeOutput } from '../signature-cli.ts';

interface PkiArgs {
  action: 'init' | 'issue';
  out?: string;
  deterministic: boolean;
  pki: string;
  agency?: string;
  agencyName?: string;
  signer?: string;
  variant: CertificateVariant;
  password: string;
}

const missing = (option: string, action: string) =>
  new CliError('CLI-USAGE', `"truc pki ${action}" cần tuỳ chọn --${option}.`, `"truc pki ${action}" needs the option --${option}.`);

async function init(args: PkiArgs): Promise<number> {
  if (!args.out) throw missing('out', 'init');
  const dir = args.out;
  const exists = await access(join(dir, 'pki.json')).then(
    () => true,
    () => false,
  );
  if (exists) {
    throw new CliError('PKI-EXISTS', `Đã có PKI thử nghiệm tại ${dir}; không ghi đè.`, `A test PKI already exists at ${dir}; it is not overwritten.`);
  }
  const folder = await withCliErrors(() => openPkiFolder(dir, { create: true, deterministic: args.deterministic }));
  const root = new X509Certificate(folder.pki.root.certificatePem);
  process.stdout.write(
    `Đã tạo PKI thử nghiệm / Test PKI created: ${dir}\n` +
      `  root: ${root.subject.replace(/\n/g, ', ')} (SHA-256 ${root.fingerprint256})\n` +
      `  trust anchors: ${join(dir, 'trust.pem')}, CRL: ${join(dir, 'crl.pem')}\n`,
  );
  return EXIT_OK;
}

async function issue(args: PkiArgs): Promise<number> {
  if (!args.agency) throw missing('agency', 'issue');
  if (!args.out) throw missing('out', 'issue');
  const agency = args.agency;
  const folder = await openPki(args.pki, true);
  const agencyName = await agencyNameFor(agency, args.agencyName);
  const issued = await withCliErrors(() =>
    folder.issue({ agencyCode: agency, agencyName, variant: args.variant, ...(args.signer ? { signer: args.signer } : {}) }),
  );
  const friendlyName = args.signer ?? agencyName;
  await writeOutput(args.out, toPkcs12(issued, args.password, friendlyName));
  const cert = new X509Certificate(issued.certificatePem);
  process.stdout.write(
    `Đã cấp chứng thư / Certificate issued: ${cert.subject.replace(/\n/g, ', ')}\n` +
      `  serial ${cert.serialNumber}, ${cert.validFrom} → ${cert.validTo}, variant ${issued.variant}\n` +
      `  PKCS#12: ${args.out}\n`,
  );
  return EXIT_OK;
}

export const pkiCommand: TrucCommand<PkiArgs> = {
  builder: (y) =>
    y
      .positional('action', { choices: ['init', 'issue'] as const, demandOption: true })
      .option('out', { type: 'string', describe: 'init: thư mục PKI / PKI folder; issue: tệp .p12 / .p12 file' })
      .option('deterministic', { type: 'boolean', default: false, describe: 'init: khoá và đồng hồ cố định / fixed seed and clock (fixtures)' })
      .option('pki', { type: 'string', default: DEFAULT_PKI_DIR, describe: 'issue: thư mục PKI / PKI folder' })
      .option('agency', { type: 'string', describe: 'issue: mã định danh cơ quan / agency code' })
      .option('agency-name', { type: 'string', describe: 'issue: tên cơ quan (mặc định từ danh bạ) / agency name (default: directory)' })
      .option('signer', { type: 'string', describe: 'issue: họ tên người ký (chứng thư cá nhân) / signer full name (personal certificate)' })
      .option('variant', { choices: VARIANT_CHOICES, default: 'valid' as CertificateVariant })
      .option('password', { type: 'string', default: 'truc-test', describe: 'issue: mật khẩu PKCS#12 / PKCS#12 password' }) as never,
  run: (args) => (args.action === 'init' ? init(args) : issue(args)),
};
