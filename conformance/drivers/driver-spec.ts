// `--driver in-process|manual|command:"…"|webhook:URL`: read once, built into a Driver when the
// run knows its axis URL and SUT.
import type { Readable, Writable } from 'node:stream';
import type { SutEnvironment } from '../sut-process.ts';
import { createCommandDriver } from './command.ts';
import type { Driver } from './driver.ts';
import { createInProcessDriver, type InProcessHandler } from './in-process.ts';
import { createManualDriver } from './manual.ts';
import { createWebhookDriver } from './webhook.ts';

export type DriverSpec = { kind: 'in-process' } | { kind: 'manual' } | { kind: 'command'; command: string } | { kind: 'webhook'; url: string };

export class DriverSpecError extends Error {
  readonly code = 'CONF-DRIVER';
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export function parseDriverSpec(text: string): DriverSpec {
  if (text === 'in-process' || text === 'manual') return { kind: text };
  if (text.startsWith('command:')) {
    const command = text.slice('command:'.length).trim();
    if (command) return { kind: 'command', command };
  }
  if (text.startsWith('webhook:')) {
    const url = text.slice('webhook:'.length).trim();
    if (URL.canParse(url) && /^https?:$/.test(new URL(url).protocol)) return { kind: 'webhook', url };
    throw new DriverSpecError(`URL webhook không hợp lệ: ${url}`, `Invalid webhook URL: ${url}`);
  }
  throw new DriverSpecError(
    `Trình điều khiển không hợp lệ: ${text} (in-process, manual, command:"…", webhook:URL)`,
    `Invalid driver: ${text} (in-process, manual, command:"…", webhook:URL)`,
  );
}

export interface DriverContext {
  /** What the SUT process gets (`--sut-cmd`); the command driver runs with the same. */
  sutEnv: SutEnvironment;
  webhookToken?: string;
  /** Only `truc demo` (and tests) have the SUT in this process. */
  inProcess?: InProcessHandler;
  input: Readable;
  output: Writable;
}

export function createDriver(spec: DriverSpec, context: DriverContext): Driver {
  switch (spec.kind) {
    case 'in-process':
      if (!context.inProcess) {
        throw new DriverSpecError(
          'Trình điều khiển in-process chỉ dùng khi hệ thống chạy trong cùng tiến trình (truc demo)',
          'The in-process driver needs the system in this process (truc demo)',
        );
      }
      return createInProcessDriver(context.inProcess);
    case 'manual':
      return createManualDriver({ input: context.input, output: context.output });
    case 'command':
      return createCommandDriver({ command: spec.command, sutEnv: context.sutEnv });
    case 'webhook':
      if (!context.webhookToken) {
        throw new DriverSpecError('Trình điều khiển webhook cần --webhook-token', 'The webhook driver needs --webhook-token');
      }
      return createWebhookDriver({ url: spec.url, token: context.webhookToken });
  }
}
