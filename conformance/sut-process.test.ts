import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startSutProcess, type SutEnvironment } from './sut-process.ts';

const env: SutEnvironment = {
  TRUC_AXIS_URL: 'http://127.0.0.1:9/',
  TRUC_SYSTEM_ID: '000.00.00.H41',
  TRUC_SECRET: 's3cret',
  TRUC_TRUST_PEM: 'trust.pem',
  TRUC_CRL_PEM: 'crl.pem',
};

/** Running, as opposed to gone or a zombie awaiting its reaper (containers may not reap promptly). */
const running = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};

describe('SUT process', () => {
  it('runs with the TRUC_* environment, forwards its lines and says when it exits on its own', async () => {
    const lines: string[] = [];
    const sut = startSutProcess('echo "$TRUC_SYSTEM_ID $TRUC_SECRET $TRUC_AXIS_URL"; exit 4', env, (l) => lines.push(l));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (sut.exited()) {
          clearInterval(check);
          resolve();
        }
      }, 10);
    });
    expect(lines).toEqual(['000.00.00.H41 s3cret http://127.0.0.1:9/', 'đã dừng / exited (4)']);
    expect(sut.exited()).toEqual({ code: 4, signal: null });
  });

  it('stops the whole process group, children included', async () => {
    const lines: string[] = [];
    const sut = startSutProcess('sleep 30 & echo "child $!"; wait', env, (l) => lines.push(l));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (lines.length) {
          clearInterval(check);
          resolve();
        }
      }, 10);
    });
    const child = Number(lines[0].split(' ')[1]);
    expect(running(child)).toBe(true);
    await sut.stop(2_000);
    expect(sut.exited()).toBeDefined();
    expect(running(child)).toBe(false);
    expect(lines).toHaveLength(1);
  });
});
