// The load's counterpart units, made through the control API like any operator or tenant would:
// agency i is `000.00.00.Lii`, its unit u is `000.00.uu.Lii` (level-1 letter L, kept for load so it
// never collides with the seeded directory), each unit a connected system with its own secret.
import { CliError } from '../command.ts';

export interface LoadUnit {
  code: string;
  agency: string;
  secret: string;
}

export interface ControlClient {
  call(method: string, path: string, body?: unknown): Promise<Response>;
}

export function controlClient(controlUrl: string, token: string): ControlClient {
  const base = controlUrl.replace(/\/+$/, '');
  return {
    call: (method, path, body) =>
      fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

export const agencyCode = (i: number): string => `000.00.00.L${two(i)}`;
export const unitCode = (i: number, u: number): string => `000.00.${two(u)}.L${two(i)}`;

async function expectOk(response: Response, what: string): Promise<Response> {
  if (response.ok) return response;
  const text = (await response.text().catch(() => '')).slice(0, 200);
  throw new CliError('LOAD-CONTROL', `API điều khiển từ chối ${what} (HTTP ${response.status}).`, `The control API refused ${what} (HTTP ${response.status}): ${text}`);
}

/** Runs `work` over `items`, `width` at a time. */
export async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

export async function provisionUnits(control: ControlClient, agencies: number, unitsPerAgency: number): Promise<LoadUnit[]> {
  const roots = Array.from({ length: agencies }, (_, k) => k + 1);
  await inParallel(roots, 8, async (i) => {
    await expectOk(await control.call('PUT', `/directory/${agencyCode(i)}`, { name: `Cơ quan tải thử ${two(i)}`, code102: agencyCode(i) }), `agency ${agencyCode(i)}`);
  });
  const pairs = roots.flatMap((i) => Array.from({ length: unitsPerAgency }, (_, k) => [i, k + 1] as const));
  const units: LoadUnit[] = [];
  await inParallel(pairs, 8, async ([i, u]) => {
    const code = unitCode(i, u);
    await expectOk(await control.call('PUT', `/directory/${code}`, { name: `Đơn vị ${two(u)} của cơ quan tải thử ${two(i)}`, code102: code, pcode: agencyCode(i) }), `agency ${code}`);
    const system = await expectOk(await control.call('POST', '/systems', { systemId: code }), `system ${code}`);
    units.push({ code, agency: agencyCode(i), secret: ((await system.json()) as { secret: string }).secret });
  });
  return units.sort((a, b) => (a.code < b.code ? -1 : 1));
}
