// Runs `truc` in this process, as a test would from a shell, and captures what it writes.
import { vi } from 'vitest';
import { main } from '../main.ts';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function truc(...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  // yargs prints help and the version through console.log.
  const l = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void (out += `${parts.join(' ')}\n`));
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
    l.mockRestore();
  }
}
