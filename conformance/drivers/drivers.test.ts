import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TriggerCall } from './driver.ts';
import { createCommandDriver } from './command.ts';
import { createInProcessDriver } from './in-process.ts';
import { createWebhookDriver } from './webhook.ts';
import { describeTrigger, triggerJson, type TriggerJson } from './trigger.ts';

const trigger: TriggerJson = triggerJson(
  'r-20261122-1015',
  'S-06',
  {
    action: 'send',
    to: ['000.01.02.G99', '000.01.03.G99'],
    document: {
      codeNumber: '1815',
      codeNotation: 'UBND-VP',
      subject: 'Về việc thử nghiệm',
      typeName: 'Công văn',
      attachments: [{ name: 'cong-van.pdf', sign: true }],
    },
  },
  60,
);
const call = (t: TriggerJson = trigger): TriggerCall => ({ trigger: t, operatorSkip: () => undefined, caseDone: new AbortController().signal });

describe('trigger JSON', () => {
  it('has exactly the spec example shape and key order', () => {
    expect(Object.keys(trigger)).toEqual(['run', 'case', 'action', 'to', 'document', 'concerning', 'deadlineSeconds']);
    expect(trigger.concerning).toBeNull();
    const update = triggerJson('r', 'B-05', { action: 'update', receivers: { added: ['A'], removed: ['B'] }, concerning: 'D' }, 5);
    expect(update).toEqual({ run: 'r', case: 'B-05', action: 'update', receivers: { added: ['A'], removed: ['B'] }, concerning: 'D', deadlineSeconds: 5 });
    expect(describeTrigger(update).en).toContain('+[A] −[B]');
  });
});

describe('command driver', () => {
  const driver = (command: string, timeoutMs?: number) =>
    createCommandDriver({
      command,
      sutEnv: {
        TRUC_AXIS_URL: 'http://127.0.0.1:9/axis',
        TRUC_SYSTEM_ID: '000.00.00.H41',
        TRUC_SECRET: 'bi-mat',
        TRUC_TRUST_PEM: '/run/trust.pem',
        TRUC_CRL_PEM: '/run/crl.pem',
      },
      timeoutMs,
    });

  it('passes the trigger file and environment; exit 0 is accepted and output kept', async () => {
    const outcome = await driver(
      `node -e 'const t=JSON.parse(require("fs").readFileSync(process.env.TRUC_TRIGGER_FILE,"utf8"));` +
        `console.log(t.case, t.action, t.document.codeNotation, process.env.TRUC_AXIS_URL, process.env.TRUC_SYSTEM_ID)'`,
    ).trigger(call());
    expect(outcome).toEqual({ kind: 'accepted', output: 'S-06 send UBND-VP http://127.0.0.1:9/axis 000.00.00.H41\n' });
  });

  it('runs with the same environment as --sut-cmd: a trigger that checks it before acting', async () => {
    // The shape of a vendor trigger built on the Java SDK: it refuses to start without its secret
    // and trust files (the SDK's ConfigureException), so each variable is checked by a plain shell.
    const check =
      'for v in TRUC_AXIS_URL TRUC_SYSTEM_ID TRUC_SECRET TRUC_TRUST_PEM TRUC_CRL_PEM TRUC_TRIGGER_FILE; do ' +
      'eval "x=\\$$v"; [ -n "$x" ] || { echo "missing $v"; exit 3; }; done; ' +
      'test -f "$TRUC_TRIGGER_FILE" && echo "$TRUC_SECRET $TRUC_TRUST_PEM $TRUC_CRL_PEM"';
    expect(await driver(check).trigger(call())).toEqual({ kind: 'accepted', output: 'bi-mat /run/trust.pem /run/crl.pem\n' });
  });

  it('exit 1 is refused, other codes and signals are errors, stderr is kept', async () => {
    const refused = await driver('echo "cannot send" >&2; exit 1').trigger(call());
    expect(refused).toMatchObject({ kind: 'refused', output: 'cannot send\n' });
    expect(await driver('exit 3').trigger(call())).toMatchObject({ kind: 'error', reason: { en: 'The trigger command exited 3' } });
    expect(await driver('kill -TERM $$').trigger(call())).toMatchObject({ kind: 'error', reason: { en: 'The trigger command was killed by SIGTERM' } });
  });

  it('a command that hangs is an error, not a refusal', async () => {
    const outcome = await driver('sleep 30', 200).trigger(call());
    expect(outcome).toMatchObject({ kind: 'error', reason: { en: 'The trigger command took longer than 0.2 s' } });
  });
});

describe('webhook driver', () => {
  let server: ServerType;
  let base = '';
  const received: { token: string | undefined; body: unknown }[] = [];

  beforeAll(async () => {
    const app = new Hono();
    app.post('/:answer', async (c) => {
      received.push({ token: c.req.header('x-truc-token'), body: await c.req.json() });
      const answer = c.req.param('answer');
      if (answer === 'slow') await new Promise((resolve) => setTimeout(resolve, 1_000));
      return new Response(`answer ${answer}`, { status: Number(answer) || 200 });
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('POSTs the trigger JSON with X-Truc-Token; 2xx is accepted', async () => {
    const outcome = await createWebhookDriver({ url: `${base}/202`, token: 'tok-1' }).trigger(call());
    expect(outcome).toEqual({ kind: 'accepted', output: 'answer 202' });
    expect(received.at(-1)).toEqual({ token: 'tok-1', body: trigger });
  });

  it('4xx is refused; 5xx, no answer in time and no server are errors', async () => {
    expect(await createWebhookDriver({ url: `${base}/409`, token: 't' }).trigger(call())).toMatchObject({ kind: 'refused' });
    expect(await createWebhookDriver({ url: `${base}/503`, token: 't' }).trigger(call())).toMatchObject({ kind: 'error' });
    expect(await createWebhookDriver({ url: `${base}/slow`, token: 't', timeoutMs: 100 }).trigger(call())).toMatchObject({
      kind: 'error',
      reason: { en: 'Webhook: no answer within 0.1 s' },
    });
    expect(await createWebhookDriver({ url: 'http://127.0.0.1:9/', token: 't' }).trigger(call())).toMatchObject({ kind: 'error' });
  });
});

describe('in-process driver', () => {
  it('maps the SUT function answers onto outcomes', async () => {
    expect(await createInProcessDriver(async () => 'accepted').trigger(call())).toEqual({ kind: 'accepted' });
    expect(await createInProcessDriver(async () => 'refused').trigger(call())).toMatchObject({ kind: 'refused' });
    const throwing = createInProcessDriver(async () => {
      throw new Error('boom');
    });
    expect(await throwing.trigger(call())).toMatchObject({ kind: 'error', reason: { en: 'The in-process trigger threw: boom' } });
  });
});
