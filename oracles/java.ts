// Compiles the oracles' Java programs (oracles/java/*.java) into a temporary folder once per test
// file, and runs one JVM over many packets: the paths go in on stdin, one JSON line per packet
// comes back.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JDOM2 } from './tools.ts';

const SOURCES = fileURLToPath(new URL('./java/', import.meta.url));

export interface JavaOracle {
  /** Runs `mainClass` over the files; one parsed JSON object per file, in order. */
  run<T>(mainClass: 'SdkReader' | 'XmlDsigVerify', files: readonly string[]): T[];
}

export function compileJavaOracles(): JavaOracle {
  const classes = mkdtempSync(join(tmpdir(), 'truc-oracle-classes-'));
  const classpath = `${JDOM2.command}:${classes}`;
  const javac = spawnSync('javac', ['-encoding', 'UTF-8', '-d', classes, '-cp', classpath, join(SOURCES, 'SdkReader.java'), join(SOURCES, 'XmlDsigVerify.java')], { encoding: 'utf8' });
  if (javac.status !== 0) throw new Error(`javac failed: ${javac.stderr}`);
  return {
    run<T>(mainClass: string, files: readonly string[]): T[] {
      const java = spawnSync('java', ['-Dfile.encoding=UTF-8', '-Dstdout.encoding=UTF-8', '-cp', classpath, mainClass], {
        input: files.join('\n'),
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
      if (java.status !== 0) throw new Error(`java ${mainClass} failed: ${java.stderr}`);
      const lines = java.stdout.split('\n').filter((l) => l.trim() !== '');
      if (lines.length !== files.length) throw new Error(`java ${mainClass}: ${lines.length} answers for ${files.length} files\n${java.stderr}`);
      return lines.map((l) => JSON.parse(l) as T);
    },
  };
}
