// Who is calling the control API: the operator (the sandbox's control token) or a tenant (a vendor,
// an agency's IT department) with its own token. Tenants see and change only what is theirs.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Store } from '../store/types.ts';
import { controlError } from './errors.ts';

export type Principal = { kind: 'operator' } | { kind: 'tenant'; tenant: string };

export type ControlEnv = { Variables: { principal: Principal } };

/** Tenant ids are part of their tokens (`<id>.<secret>`): a dot never appears in one. */
export const TENANT_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const tokenDigest = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export const newTenantToken = (tenantId: string): string => `${tenantId}.${randomBytes(24).toString('base64url')}`;

const sameBytes = (expected: Buffer, given: Buffer): boolean => expected.length === given.length && timingSafeEqual(expected, given);

export async function principalOf(store: Store, operatorToken: string, given: string): Promise<Principal | undefined> {
  if (sameBytes(Buffer.from(operatorToken), Buffer.from(given))) return { kind: 'operator' };
  const dot = given.indexOf('.');
  const id = dot > 0 ? given.slice(0, dot) : '';
  if (!TENANT_ID.test(id)) return undefined;
  const tenant = await store.getTenant(id);
  if (!tenant) return undefined;
  return sameBytes(Buffer.from(tenant.tokenSha256, 'hex'), Buffer.from(tokenDigest(given), 'hex')) ? { kind: 'tenant', tenant: tenant.id } : undefined;
}

/** Resolves `Authorization: Bearer …` into the principal, or answers 401. */
export function principalLayer(store: Store, operatorToken: string): MiddlewareHandler<ControlEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const principal = given ? await principalOf(store, operatorToken, given) : undefined;
    if (!principal) {
      return controlError(c, 401, 'CTL-UNAUTHORIZED', 'Cần mã điều khiển hoặc mã của bên thuê (Authorization: Bearer …).', 'A control or tenant token is required (Authorization: Bearer …).');
    }
    c.set('principal', principal);
    await next();
  };
}

/** The calling tenant, or undefined for the operator (who sees everything). */
export const tenantOf = (c: Context<ControlEnv>): string | undefined => {
  const p = c.get('principal');
  return p.kind === 'tenant' ? p.tenant : undefined;
};

export const forbidden = (c: Context, what: string, whatEn: string): Response =>
  controlError(c, 403, 'CTL-TENANT-FORBIDDEN', `Bên thuê không được ${what}.`, `A tenant may not ${whatEn}.`);

/** Routes only the operator may use (tenants, the directory's seeded records, …). */
export const operatorOnly: MiddlewareHandler<ControlEnv> = async (c, next) => {
  if (c.get('principal').kind !== 'operator') return forbidden(c, 'dùng đường dẫn này của người vận hành', 'use this operator path');
  await next();
};
