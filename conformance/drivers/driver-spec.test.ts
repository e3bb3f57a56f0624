import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDriver, DriverSpecError, parseDriverSpec, type DriverContext } from './driver-spec.ts';

const sutEnv = { TRUC_AXIS_URL: 'http://127.0.0.1:9', TRUC_SYSTEM_ID: '000.00.00.H41', TRUC_SECRET: 's', TRUC_TRUST_PEM: '/t.pem', TRUC_CRL_PEM: '/c.pem' };
const context: DriverContext = { sutEnv, input: new PassThrough(), output: new PassThrough() };

describe('--driver', () => {
  it('reads the four forms', () => {
    expect(parseDriverSpec('manual')).toEqual({ kind: 'manual' });
    expect(parseDriverSpec('in-process')).toEqual({ kind: 'in-process' });
    expect(parseDriverSpec('command:./trigger.sh --fast')).toEqual({ kind: 'command', command: './trigger.sh --fast' });
    expect(parseDriverSpec('webhook:https://sut.example/truc')).toEqual({ kind: 'webhook', url: 'https://sut.example/truc' });
  });

  it('refuses anything else with a stable error', () => {
    for (const bad of ['', 'command:', 'webhook:not a url', 'webhook:ftp://x/', 'email:ops@x']) {
      expect(() => parseDriverSpec(bad), bad).toThrow(DriverSpecError);
    }
  });

  it('builds drivers, refusing a webhook without token and in-process without a system in this process', () => {
    expect(createDriver({ kind: 'command', command: 'true' }, context).name).toBe('command');
    expect(createDriver({ kind: 'manual' }, context).name).toBe('manual');
    expect(createDriver({ kind: 'webhook', url: 'http://127.0.0.1:9/' }, { ...context, webhookToken: 't' }).name).toBe('webhook');
    expect(() => createDriver({ kind: 'webhook', url: 'http://127.0.0.1:9/' }, context)).toThrow(DriverSpecError);
    expect(() => createDriver({ kind: 'in-process' }, context)).toThrow(DriverSpecError);
    expect(createDriver({ kind: 'in-process' }, { ...context, inProcess: async () => 'accepted' }).name).toBe('in-process');
  });
});
