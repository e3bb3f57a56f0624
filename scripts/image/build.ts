// `npm run image`: builds the images `truc:<version>`, `truc:latest` and the reference agency's
// `truc-reference-agency:<version>`, `:latest`, with no registry: the root filesystem is this
// machine's node binary and the shared libraries ldd names, the packed package (npm pack) and its
// production dependencies from node_modules, then `docker build` of a FROM scratch Dockerfile
// (scratch is built in; nothing is pulled).
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { packTruc, REPO_ROOT } from '../package/pack.ts';

const run = promisify(execFile);
const UID = 1000;

export interface BuiltImages {
  version: string;
  truc: string[];
  referenceAgency: string[];
}

/** The shared libraries the node binary loads (and the dynamic loader), as absolute paths. */
async function sharedLibraries(binary: string): Promise<string[]> {
  const { stdout } = await run('ldd', [binary]);
  return stdout
    .split('\n')
    .map((line) => /=>\s*(\/\S+)/.exec(line)?.[1] ?? /^\s*(\/\S+)\s/.exec(line)?.[1])
    .filter((p): p is string => p !== undefined);
}

/** The production dependency folders of this checkout (npm ls), relative to its root. */
async function productionDependencies(): Promise<string[]> {
  const { stdout } = await run('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: REPO_ROOT, maxBuffer: 16 << 20 });
  return stdout
    .split('\n')
    .filter((p) => p.startsWith(join(REPO_ROOT, 'node_modules') + sep))
    .map((p) => relative(REPO_ROOT, p));
}

function copyInto(rootfs: string, absolute: string): void {
  const target = join(rootfs, absolute);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(absolute, target); // follows symlinks: the image gets the real file under the linked name
}

const dockerfile = (version: string) => `FROM scratch
COPY rootfs/ /
COPY --chown=${UID}:${UID} data/ /data/
ENV HOME=/data NODE_ENV=production TRUC_HEALTHZ=http://127.0.0.1:8080/healthz
USER ${UID}:${UID}
WORKDIR /data
VOLUME /data
EXPOSE 8080
LABEL org.opencontainers.image.title="truc" org.opencontainers.image.version="${version}" org.opencontainers.image.description="Conformance simulator for Vietnam's national document axis"
HEALTHCHECK --interval=5s --timeout=3s --start-period=20s --retries=3 CMD ["/usr/local/bin/node", "-e", "fetch(process.env.TRUC_HEALTHZ).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/local/bin/node", "/opt/truc/bin/truc.js"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080", "--data", "/data"]
`;

/** The reference agency on top of the truc image: the TRUC_* environment configures it. */
const referenceDockerfile = (base: string, version: string) => `FROM ${base}
LABEL org.opencontainers.image.title="truc-reference-agency" org.opencontainers.image.version="${version}"
HEALTHCHECK NONE
ENV TRUC_PKI_DIR=/data/pki
ENTRYPOINT ["/usr/local/bin/node", "/opt/truc/bin/truc.js", "reference-agency"]
CMD []
`;

export async function buildImages(log: (line: string) => void = () => {}): Promise<BuiltImages> {
  const packed = await packTruc();
  const context = mkdtempSync(join(tmpdir(), 'truc-image-'));
  try {
    const rootfs = join(context, 'rootfs');
    log(`image: root filesystem in ${rootfs}`);
    const node = join(rootfs, 'usr', 'local', 'bin', 'node');
    mkdirSync(dirname(node), { recursive: true });
    copyFileSync(process.execPath, node);
    chmodSync(node, 0o755);
    for (const lib of await sharedLibraries(process.execPath)) copyInto(rootfs, lib);

    await run('tar', ['-xzf', packed.tarball, '-C', context]);
    const app = join(rootfs, 'opt', 'truc');
    mkdirSync(dirname(app), { recursive: true });
    renameSync(join(context, 'package'), app);
    for (const dep of await productionDependencies()) {
      // Each nested node_modules is listed on its own when it holds production dependencies.
      const from = join(REPO_ROOT, dep);
      cpSync(from, join(app, dep), { recursive: true, dereference: true, filter: (src) => src === from || src !== join(from, 'node_modules') });
    }
    mkdirSync(join(rootfs, 'tmp'), { recursive: true });
    chmodSync(join(rootfs, 'tmp'), 0o1777);
    mkdirSync(join(rootfs, 'etc'), { recursive: true });
    writeFileSync(join(rootfs, 'etc', 'passwd'), `root:x:0:0:root:/root:/sbin/nologin\ntruc:x:${UID}:${UID}:truc:/data:/sbin/nologin\n`);
    writeFileSync(join(rootfs, 'etc', 'group'), `root:x:0:\ntruc:x:${UID}:\n`);
    mkdirSync(join(context, 'data'));
    writeFileSync(join(context, 'data', '.keep'), '');

    const truc = [`truc:${packed.version}`, 'truc:latest'];
    writeFileSync(join(context, 'Dockerfile'), dockerfile(packed.version));
    log(`image: docker build ${truc.join(' ')}`);
    await run('docker', ['build', '--quiet', ...truc.flatMap((t) => ['-t', t]), context], { maxBuffer: 16 << 20 });

    const referenceAgency = [`truc-reference-agency:${packed.version}`, 'truc-reference-agency:latest'];
    const refContext = join(context, 'reference');
    mkdirSync(refContext);
    writeFileSync(join(refContext, 'Dockerfile'), referenceDockerfile(truc[0], packed.version));
    log(`image: docker build ${referenceAgency.join(' ')}`);
    await run('docker', ['build', '--quiet', ...referenceAgency.flatMap((t) => ['-t', t]), refContext]);
    return { version: packed.version, truc, referenceAgency };
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}
