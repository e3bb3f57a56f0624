// OpenAPI 3.1 descriptions of the axis operations and of the control API, generated from what
// serves them: the operation table (name, method, the fields a FAIL reply keeps), the error
// table, and the control app's own router. A route added to either shows up here; nothing is
// kept by hand beside them. Served at /openapi.json and <control prefix>/openapi.json.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { AXIS_ERRORS } from './errors.ts';
import { OPERATIONS } from './operations/index.ts';

const INFO = { version: '1', license: { name: 'MIT', identifier: 'MIT' } };

const signedHeaders = [
  { name: 'XroadVnpt-systemid', description: 'The calling system (mã định danh of its agency, or an allow-listed test id).' },
  {
    name: 'XroadVnpt-sign-header',
    description: 'A JSON object of the signed logical fields (systemid, timestamp, messagetype, docId, …), exactly the bytes the HMAC covers (docs/axis.md, "Signed headers").',
  },
  { name: 'XroadVnpt-hash-header', description: 'Lowercase hex HMAC-SHA256 of the raw XroadVnpt-sign-header value under the system secret.' },
].map((h) => ({ in: 'header' as const, name: h.name, required: true, description: h.description, schema: { type: 'string' as const } }));

const ERROR_CODES = Object.values(AXIS_ERRORS).map((e) => e.code);
const errorTable = Object.values(AXIS_ERRORS)
  .map((e) => `| ${e.code} | ${e.http} | ${e.desc} | ${e.when} |`)
  .join('\n');

/** The axis operations under `prefix` (`/` or e.g. `/XrdAdapter/adapter`). */
export function axisOpenApi(prefix: string): object {
  const doc = new OpenAPIHono();
  const envelope = doc.openAPIRegistry.register(
    'Envelope',
    z
      .object({
        status: z.enum(['OK', 'FAIL']),
        ErrorCode: z.enum(ERROR_CODES as [string, ...string[]]).openapi({ description: 'Stable code: match on it, never on the text.' }),
        ErrorDesc: z.string().openapi({ description: 'ASCII text (unaccented Vietnamese); a FAIL may append ": detail".' }),
      })
      .passthrough()
      .openapi({ description: 'Every reply: status, ErrorCode, ErrorDesc, then the operation’s own fields.' }),
  );
  const base = prefix === '/' ? '' : prefix;
  for (const op of OPERATIONS.values()) {
    const keeps = Object.keys(op.failExtras);
    doc.openAPIRegistry.registerPath({
      method: op.method === 'GET' ? 'get' : 'post',
      path: `${base}/${op.name}`,
      operationId: op.name,
      tags: ['axis'],
      summary: op.name,
      description:
        'Authenticated by the signed XroadVnpt headers; any other `XroadVnpt-<name>` header must equal the signed field of that name. ' +
        (keeps.length ? `A FAIL reply still carries ${keeps.map((k) => `\`${k}\``).join(', ')}.` : ''),
      request: {
        headers: z.object(Object.fromEntries(signedHeaders.map((h) => [h.name, z.string().openapi({ description: h.description })]))),
        ...(op.method === 'POST' ? { body: { content: { '*/*': { schema: z.string().openapi({ format: 'binary' }) } }, required: false } } : {}),
      },
      responses: {
        200: {
          description: op.name === 'downloadEdoc' ? 'The packet bytes on success; the envelope on failure.' : 'The envelope (protocol failures are HTTP 200 too).',
          content: { 'application/json': { schema: envelope } },
        },
        default: { description: 'Transport-level failures (400, 404, 405, 413, 503), with the envelope.', content: { 'application/json': { schema: envelope } } },
      },
    });
  }
  return doc.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      ...INFO,
      title: 'truc — simulated national document axis (Trục liên thông văn bản quốc gia)',
      description: `The axis operations as truc serves them. Error codes:\n\n| ErrorCode | HTTP | ErrorDesc | When |\n|---|---|---|---|\n${errorTable}`,
    },
  });
}

/** The control API under `controlPrefix`, from the routes its app registers. */
export function controlOpenApi(control: Hono<never>, controlPrefix: string): object {
  const doc = new OpenAPIHono();
  doc.openAPIRegistry.registerComponent('securitySchemes', 'controlToken', { type: 'http', scheme: 'bearer', description: 'The control token printed by truc serve, or a tenant token.' });
  const error = doc.openAPIRegistry.register(
    'ControlError',
    z.object({ error: z.object({ code: z.string(), vi: z.string(), en: z.string() }) }).openapi({ description: 'A stable code and one sentence in Vietnamese and English.' }),
  );
  const seen = new Set<string>();
  for (const route of control.routes) {
    if (route.method === 'ALL') continue; // middleware (authorisation) and not-found
    const path = `${controlPrefix}${route.path === '/' ? '' : route.path}`.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
    if (seen.has(`${method} ${path}`)) continue;
    seen.add(`${method} ${path}`);
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    doc.openAPIRegistry.registerPath({
      method,
      path,
      tags: ['control'],
      security: [{ controlToken: [] }],
      request: params.length ? { params: z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) } : undefined,
      responses: {
        200: { description: 'JSON result (text/event-stream for the journal stream).' },
        default: { description: 'Refused: 400 bad input, 401/403 token, 404 unknown, 409 conflict.', content: { 'application/json': { schema: error } } },
      },
    });
  }
  return doc.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { ...INFO, title: 'truc control API', description: 'truc’s own API for tests and operators: systems, directory, injection, journal, faults, trust, tenants, runs.' },
  });
}
