// Operands of `truc validate`: files, directories searched recursively for *.edxml and *.xml, and
// `-` for standard input. Every operand yields at least one entry, readable or not, so that the
// report always accounts for everything the user named.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface SourceError {
  code: string;
  vi: string;
  en: string;
}

/** One packet to validate; read lazily so that a directory of large packets is never all in memory. */
export interface PacketSource {
  /** The path as given, joined for files found in a directory, `-` for standard input. */
  file: string;
  /** Resolves to the bytes or to the reason they cannot be read. */
  read: () => Promise<{ bytes: Uint8Array } | { error: SourceError }>;
}

const PACKET_FILE = /\.(edxml|xml)$/i;

async function readStdin(stdin: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) found.push(...(await walk(path)));
    else if (e.isFile() && PACKET_FILE.test(e.name)) found.push(path);
  }
  return found;
}

export function ioError(e: unknown): SourceError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return { code: 'IO-NOT-FOUND', vi: 'Không tìm thấy tệp hoặc thư mục', en: 'No such file or directory' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'IO-DENIED', vi: 'Không có quyền đọc', en: 'Permission denied' };
  if (code === 'EISDIR') return { code: 'IO-IS-DIRECTORY', vi: 'Là thư mục, không phải tệp', en: 'Is a directory, not a file' };
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'IO-READ', vi: `Không đọc được (${detail})`, en: `Cannot be read (${detail})` };
}

async function attempt(read: () => Promise<Uint8Array>): Promise<{ bytes: Uint8Array } | { error: SourceError }> {
  try {
    return { bytes: await read() };
  } catch (e) {
    return { error: ioError(e) };
  }
}

const fileSource = (file: string): PacketSource => ({ file, read: () => attempt(() => readFile(file)) });
const failed = (file: string, error: SourceError): PacketSource => ({ file, read: async () => ({ error }) });

/** Expands operands into packet sources, in the order given; directory contents sorted by name. */
export async function collectPacketSources(operands: readonly string[], stdin: NodeJS.ReadableStream): Promise<PacketSource[]> {
  const sources: PacketSource[] = [];
  for (const operand of operands) {
    if (operand === '-') {
      sources.push({ file: '-', read: () => attempt(() => readStdin(stdin)) });
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(operand)).isDirectory();
    } catch (e) {
      sources.push(failed(operand, ioError(e)));
      continue;
    }
    if (!isDirectory) {
      sources.push(fileSource(operand));
      continue;
    }
    let files: string[];
    try {
      files = await walk(operand);
    } catch (e) {
      sources.push(failed(operand, ioError(e)));
      continue;
    }
    if (files.length === 0) {
      sources.push(
        failed(operand, { code: 'IO-NO-PACKETS', vi: 'Thư mục không chứa tệp *.edxml hay *.xml nào', en: 'The directory holds no *.edxml or *.xml file' }),
      );
    }
    sources.push(...files.map(fileSource));
  }
  return sources;
}
