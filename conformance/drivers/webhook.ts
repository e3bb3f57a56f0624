// The webhook driver: POST the trigger JSON to the vendor's URL with X-Truc-Token. 2xx within the
// time limit = accepted, 4xx = refused, anything else or no answer = the harness could not ask.
import { capOutput, type Driver, type TriggerOutcome } from './driver.ts';

export interface WebhookDriverOptions {
  url: string;
  token: string;
  /** Default 10 s, as the spec says. */
  timeoutMs?: number;
}

export function createWebhookDriver(options: WebhookDriverOptions): Driver {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    name: 'webhook',
    async trigger({ trigger }): Promise<TriggerOutcome> {
      let response: Response;
      let output: string;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', 'x-truc-token': options.token },
          body: JSON.stringify(trigger),
          signal: AbortSignal.timeout(timeoutMs),
        });
        output = capOutput(await response.text());
      } catch (e) {
        const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
        const detail = timedOut ? `no answer within ${timeoutMs / 1000} s` : e instanceof Error ? e.message : String(e);
        const detailVi = timedOut ? `không trả lời trong ${timeoutMs / 1000} giây` : `lỗi: ${detail}`;
        return { kind: 'error', reason: { vi: `Webhook ${detailVi}`, en: `Webhook: ${detail}` } };
      }
      const status = response.status;
      if (status >= 200 && status < 300) return { kind: 'accepted', output };
      if (status >= 400 && status < 500) {
        return { kind: 'refused', output, reason: { vi: `Webhook từ chối (HTTP ${status})`, en: `The webhook refused (HTTP ${status})` } };
      }
      return { kind: 'error', output, reason: { vi: `Webhook trả HTTP ${status}`, en: `The webhook answered HTTP ${status}` } };
    },
  };
}
