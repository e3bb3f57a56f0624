// The in-process driver: the SUT lives in this process (the reference agency in `truc demo` and in
// the suite's own tests) and exposes a function taking the trigger JSON.
import type { Driver, TriggerOutcome } from './driver.ts';
import type { TriggerJson } from './trigger.ts';

/** The SUT's answer: true/`accepted` when it will act, false/`refused` when it cannot. */
export type InProcessHandler = (trigger: TriggerJson) => Promise<'accepted' | 'refused'>;

export function createInProcessDriver(handle: InProcessHandler): Driver {
  return {
    name: 'in-process',
    async trigger({ trigger }): Promise<TriggerOutcome> {
      try {
        const answer = await handle(trigger);
        if (answer === 'accepted') return { kind: 'accepted' };
        return {
          kind: 'refused',
          reason: { vi: `Hệ thống từ chối thao tác ${trigger.action}`, en: `The system refused the ${trigger.action} action` },
        };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        return {
          kind: 'error',
          reason: { vi: `Hàm kích hoạt trong tiến trình bị lỗi: ${message}`, en: `The in-process trigger threw: ${message}` },
        };
      }
    },
  };
}
