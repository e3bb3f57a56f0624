// What `truc pki`, `truc sign` and `truc sign-packet` share: file I/O with bilingual errors, the
// PKI folder, and agency names from the seeded directory.
import { readFile, writeFile } from 'node:fs/promises';
import { CliError, EXIT_USAGE } from './command.ts';
import { SignatureError, type CertificateVariant } from '../edxml/signatures/index.ts';
import { DEFAULT_PKI_DIR, openPkiFolder, type PkiFolder } from '../simulator/pki-folder.ts';
import { readDirectoryFile } from '../simulator/directory/seed.ts';

export { DEFAULT_PKI_DIR };

export const VARIANT_CHOICES: CertificateVariant[] = ['valid', 'expired', 'not-yet-valid', 'revoked', 'wrong-usage', 'untrusted'];

/** Runs `work`, turning the signing library's coded errors into CLI errors (never a stack trace). */
export async function withCliErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof SignatureError) throw new CliError(e.code, e.vi, e.en, EXIT_USAGE);
    throw e;
  }
}

export async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'unknown';
    throw new CliError('CLI-READ', `Không đọc được tệp ${path} (${reason}).`, `Cannot read the file ${path} (${reason}).`);
  }
}

export async function writeOutput(path: string, data: Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'unknown';
    throw new CliError('CLI-WRITE', `Không ghi được tệp ${path} (${reason}).`, `Cannot write the file ${path} (${reason}).`);
  }
}

export const openPki = (dir: string, create: boolean): Promise<PkiFolder> => withCliErrors(() => openPkiFolder(dir, { create }));

/**
 * The agency's name for certificate subjects: `--agency-name` when given, else the seeded directory
 * (by QĐ 20 or QCVN 102 code), else a neutral placeholder naming the code.
 */
export async function agencyNameFor(code: string, explicit?: string): Promise<string> {
  if (explicit && explicit.trim() !== '') return explicit.trim();
  const directory = await readDirectoryFile();
  if (directory.ok) {
    const record = directory.records.find((r) => !r.deleted && (r.code === code || r.code102 === code));
    if (record) return record.name;
  }
  return `Cơ quan ${code}`;
}
