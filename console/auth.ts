// Console sign-in: the control token (operator) or a tenant's token, sent as `Authorization:
// Bearer …` or once as `?token=…`, after which a session cookie (HttpOnly, SameSite=Strict, scoped
// to the console) stands for it and the token leaves the address bar. Sessions live in memory:
// restarting the sandbox signs everyone out.
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import { principalOf, type Principal } from '../simulator/control/principal.ts';
import type { Store } from '../simulator/store/types.ts';

export type ConsoleEnv = { Variables: { principal: Principal; lang: 'vi' | 'en' } };

// Cookies are per host, not per port: two sandboxes on one machine must not share a session name.
const cookieName = (url: string): string => `truc_console_${new URL(url).port || 'default'}`;
const SESSION_HOURS = 12;

export function consoleAuth(store: Store, operatorToken: string, base: string): MiddlewareHandler<ConsoleEnv> {
  const sessions = new Map<string, { principal: Principal; expires: number }>();
  return async (c, next) => {
    const lang = c.req.query('lang') ?? getCookie(c, 'truc_lang');
    c.set('lang', lang === 'en' ? 'en' : 'vi');
    if (c.req.query('lang')) setCookie(c, 'truc_lang', c.get('lang'), { path: base, sameSite: 'Strict' });
    if (c.req.path.startsWith(`${base}/assets/`)) return next();

    const header = c.req.header('authorization') ?? '';
    const bearer = header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const queryToken = c.req.query('token');
    const given = bearer ?? queryToken;
    if (given) {
      const principal = await principalOf(store, operatorToken, given);
      if (!principal) return signIn(c, 401);
      if (queryToken && !bearer) {
        const id = randomBytes(24).toString('base64url');
        sessions.set(id, { principal, expires: Date.now() + SESSION_HOURS * 3_600_000 });
        setCookie(c, cookieName(c.req.url), id, { path: base, httpOnly: true, sameSite: 'Strict', maxAge: SESSION_HOURS * 3600 });
        const url = new URL(c.req.url);
        url.searchParams.delete('token');
        return c.redirect(`${url.pathname}${url.search}`, 303);
      }
      c.set('principal', principal);
      return next();
    }
    const session = sessions.get(getCookie(c, cookieName(c.req.url)) ?? '');
    if (!session || session.expires < Date.now()) return signIn(c, 401);
    // Forms post with the cookie: a cross-site origin is refused even if a browser sent it.
    const origin = c.req.header('origin');
    if (c.req.method !== 'GET' && origin && origin !== new URL(c.req.url).origin) return c.text('Forbidden', 403);
    c.set('principal', session.principal);
    return next();
  };
}

function signIn(c: Context<ConsoleEnv>, status: 401) {
  const en = c.get('lang') === 'en';
  return c.html(
    html`<!DOCTYPE html><html lang="${en ? 'en' : 'vi'}"><head><meta charset="utf-8"><title>truc</title></head><body style="font:15px system-ui;max-width:36rem;margin:4rem auto">
<h1>truc</h1><p>${en ? 'Sign in with the control token or your tenant token.' : 'Đăng nhập bằng mã điều khiển hoặc mã bên thuê của bạn.'}</p>
<form method="get"><input type="password" name="token" size="40" autofocus> <button>${en ? 'Sign in' : 'Đăng nhập'}</button></form></body></html>`,
    status,
  );
}

export const tenantOfConsole = (c: Context<ConsoleEnv>): string | undefined => {
  const p = c.get('principal');
  return p.kind === 'tenant' ? p.tenant : undefined;
};
