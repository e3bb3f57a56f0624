// The independent oracles' tools, from Debian. On CI (`CI=true`, where .ci/run installs them) a
// missing tool fails the test; locally the test is skipped and its name says which package to
// install. Nothing here is shared with truc: the oracles must not agree with truc by construction.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { it } from 'vitest';

export interface Tool {
  /** A command on PATH, or an absolute file the package installs. */
  command: string;
  debianPackage: string;
}

export const JAVA: Tool = { command: 'java', debianPackage: 'default-jdk-headless' };
export const JAVAC: Tool = { command: 'javac', debianPackage: 'default-jdk-headless' };
/** Where Debian's libjdom2-java puts JDOM2; JDOM2_JAR overrides it on other systems. */
export const JDOM2: Tool = { command: process.env.JDOM2_JAR ?? '/usr/share/java/jdom2.jar', debianPackage: 'libjdom2-java' };
export const XMLLINT: Tool = { command: 'xmllint', debianPackage: 'libxml2-utils' };
export const PDFSIG: Tool = { command: 'pdfsig', debianPackage: 'poppler-utils' };
export const OPENSSL: Tool = { command: 'openssl', debianPackage: 'openssl' };

const present = (tool: Tool): boolean =>
  tool.command.startsWith('/') ? existsSync(tool.command) : spawnSync('sh', ['-c', `command -v ${tool.command}`]).status === 0;

type TestBody = () => unknown | Promise<unknown>;

/**
 * `it` for a test that needs these tools: runs it when they are installed; on CI fails it when one
 * is missing; locally skips it with the package to install in its name.
 */
export function itWith(tools: readonly Tool[]): (name: string, body: TestBody, timeout?: number) => void {
  const missing = tools.filter((t) => !present(t));
  if (missing.length === 0) return (name, body, timeout) => it(name, body, timeout);
  const packages = [...new Set(missing.map((t) => t.debianPackage))].join(' ');
  const what = missing.map((t) => t.command).join(', ');
  if (process.env.CI === 'true') {
    return (name) =>
      it(name, () => {
        throw new Error(`oracle missing on CI: ${what} (Debian package ${packages}); .ci/run must install it`);
      });
  }
  return (name) => it.skip(`${name} (skipped: ${what} not installed; apt-get install ${packages})`, () => undefined);
}

/** True when every tool is present (for beforeAll work that only makes sense with them). */
export const haveAll = (tools: readonly Tool[]): boolean => tools.every(present);
