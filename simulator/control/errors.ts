// Control API failures: a stable code and one bilingual sentence, as JSON with an HTTP status.
import type { Context } from 'hono';

export function controlError(c: Context, status: 400 | 401 | 403 | 404 | 409, code: string, vi: string, en: string): Response {
  return c.json({ error: { code, vi, en } }, status);
}

/** The request's JSON body, or undefined when it is not JSON. */
export async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
