// docs/axis.md "Signed headers, step by step": the worked example's hash is recomputed here with
// node:crypto alone (no truc code), and the request built from the doc alone is accepted by the axis.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAxis } from './axis.ts';

const doc = readFileSync(new URL('../docs/axis.md', import.meta.url), 'utf8');
const section = doc.slice(doc.indexOf('## Signed headers, step by step'), doc.indexOf('## Error table'));
const systemId = /system `([^`]+)` with secret `([^`]+)`/.exec(section)!;
const signHeader = /```json\n\s*(\{.*\})\n/.exec(section)![1];
const hashHeader = /XroadVnpt-hash-header: ([0-9a-f]{64})/.exec(section)![1];
const byteCount = Number(/UTF-8 encoded\s*\((\d+) bytes/.exec(section)![1]);

describe('docs/axis.md signed-header example', () => {
  it('states the HMAC-SHA256 of the sign-header bytes under the secret', () => {
    expect(Buffer.byteLength(signHeader, 'utf8')).toBe(byteCount);
    const recomputed = createHmac('sha256', Buffer.from(systemId[2], 'utf8')).update(Buffer.from(signHeader, 'utf8')).digest('hex');
    expect(recomputed).toBe(hashHeader);
  });

  it('is accepted by the axis: authentication passes and updateStatus looks for the delivery', async () => {
    // The example's timestamp (20 Nov 2026 09:00 Vietnam time) is "now", whatever window applies.
    const axis = await createAxis({ systems: [{ systemId: systemId[1], secret: systemId[2] }], clock: () => new Date('2026-11-20T02:00:00Z') });
    const fields = JSON.parse(signHeader) as Record<string, string>;
    const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    const headers: Record<string, string> = {
      'XroadVnpt-systemid': fields['XroadVnpt-systemid'],
      'XroadVnpt-sign-header': utf8(signHeader),
      'XroadVnpt-hash-header': hashHeader,
    };
    for (const [name, value] of Object.entries(fields)) headers[name] = utf8(value);
    const res = await axis.app.request('/updateStatus', { method: 'POST', headers });
    const body = (await res.json()) as { ErrorCode: string };
    // 1-5 would be an authentication refusal; 30 (no such delivery) comes from the operation.
    expect(['1', '2', '3', '4', '5']).not.toContain(body.ErrorCode);
    expect(body.ErrorCode).toBe('30');
    const tampered = await axis.app.request('/updateStatus', { method: 'POST', headers: { ...headers, 'XroadVnpt-hash-header': hashHeader.replace(/^./, (c) => (c === '0' ? '1' : '0')) } });
    expect(((await tampered.json()) as { ErrorCode: string }).ErrorCode).toBe('2');
    await axis.close();
  });
});
