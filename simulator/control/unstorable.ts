// Control-API input that no store can hold (NUL, lone surrogates, characters outside XML's Char
// production) is refused before any route sees it: such a run label once switched the whole
// journal off on the SQL stores.
import type { Context, MiddlewareHandler } from 'hono';
import { escapeIllegalXmlChars, firstIllegalXmlChar } from '../../edxml/xml-chars.ts';
import { controlError } from './errors.ts';

/** A JSON escape that may name such a character (then the body is parsed to be sure). */
const SUSPECT_ESCAPE = /\\u(?:00[01][0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF])/;

/** The first string (key or value) of a JSON value that no store could keep, escaped, or undefined. */
function unstorableString(value: unknown): string | undefined {
  if (typeof value === 'string') return firstIllegalXmlChar(value) === -1 ? undefined : escapeIllegalXmlChars(value).slice(0, 64);
  if (Array.isArray(value)) {
    for (const v of value) {
      const bad = unstorableString(v);
      if (bad !== undefined) return bad;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = unstorableString(k) ?? unstorableString(v);
      if (bad !== undefined) return bad;
    }
  }
  return undefined;
}

async function unstorableInput(c: Context): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(new URL(c.req.url).pathname);
  } catch {
    return 'path';
  }
  if (firstIllegalXmlChar(path) !== -1) return escapeIllegalXmlChars(path).slice(0, 64);
  const query = unstorableString(c.req.queries());
  if (query !== undefined) return query;
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || !(c.req.header('content-type') ?? '').includes('json')) return undefined;
  const text = await c.req.text();
  if (firstIllegalXmlChar(text) === -1 && !SUSPECT_ESCAPE.test(text)) return undefined;
  try {
    return unstorableString(JSON.parse(text));
  } catch {
    return undefined; // not JSON: the route answers that itself
  }
}

export const unstorableLayer: MiddlewareHandler = async (c, next) => {
  const unstorable = await unstorableInput(c);
  if (unstorable !== undefined) {
    return controlError(
      c,
      400,
      'CTL-INPUT-UNSTORABLE',
      `Dữ liệu chứa ký tự không được phép (NUL, nửa cặp thay thế…): ${unstorable}`,
      `The input holds a character no store can keep (NUL, a lone surrogate, …): ${unstorable}`,
    );
  }
  await next();
};
