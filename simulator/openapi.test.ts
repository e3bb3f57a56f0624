// The served OpenAPI documents validate as OpenAPI 3.1 (an independent validator), and every
// documented path is one the server answers (no drift either way: the documents are generated
// from the routers, and each documented route is called here).
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { createAxis } from './axis.ts';
import { OPERATIONS } from './operations/index.ts';

type Doc = { openapi: string; paths: Record<string, Record<string, unknown>> };

async function validate(doc: unknown): Promise<{ valid: boolean; errors: unknown; version: string }> {
  const validator = new Validator();
  const result = await validator.validate(doc as Parameters<Validator['validate']>[0]);
  return { valid: result.valid, errors: result.errors, version: validator.version };
}

describe('/openapi.json', () => {
  it.each(['/', '/XrdAdapter/adapter'])('describes every axis operation as OpenAPI 3.1 (prefix %s)', async (prefix) => {
    const axis = await createAxis({ prefix });
    const res = await axis.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(await validate(doc)).toMatchObject({ valid: true, version: '3.1' });
    const base = prefix === '/' ? '' : prefix;
    expect(Object.keys(doc.paths).sort()).toEqual([...OPERATIONS.keys()].map((n) => `${base}/${n}`).sort());
    for (const op of OPERATIONS.values()) {
      const entry = doc.paths[`${base}/${op.name}`][op.method.toLowerCase()] as { parameters: { name: string; in: string }[] };
      expect(entry.parameters.filter((p) => p.in === 'header').map((p) => p.name)).toEqual(['XroadVnpt-systemid', 'XroadVnpt-sign-header', 'XroadVnpt-hash-header']);
      // Served: an unsigned call is refused for its credentials, not as an unknown operation (11).
      const reply = await axis.app.request(`${base}/${op.name}`, { method: op.method });
      expect(((await reply.json()) as { ErrorCode: string }).ErrorCode).not.toBe('11');
    }
    const schemas = (doc as unknown as { components: { schemas: Record<string, { properties: { ErrorCode: { enum: string[] } } }> } }).components.schemas;
    expect(schemas.Envelope.properties.ErrorCode.enum).toEqual(expect.arrayContaining(['0', '1', '2', '3', '11']));
    await axis.close();
  });

  it('describes the control API under its prefix as OpenAPI 3.1, every path served', async () => {
    const axis = await createAxis({ controlToken: 'openapi-test-token-0123456789' });
    const res = await axis.app.request(`${axis.controlPrefix}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(await validate(doc)).toMatchObject({ valid: true, version: '3.1' });
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(expect.arrayContaining([`${axis.controlPrefix}/systems`, `${axis.controlPrefix}/journal`, `${axis.controlPrefix}/faults`]));
    for (const path of paths) {
      for (const method of Object.keys(doc.paths[path])) {
        if (method !== 'get') continue; // other methods change state; GETs prove the paths exist
        const reply = await axis.app.request(path.replace(/\{\w+\}/g, 'x'), { headers: { authorization: `Bearer ${axis.controlToken}` } });
        if (reply.headers.get('content-type')?.includes('json')) {
          const body = (await reply.json()) as { error?: { code: string } };
          expect(body.error?.code, `${method} ${path}`).not.toBe('CTL-NOT-FOUND');
        } else {
          await reply.body?.cancel();
        }
      }
    }
    await axis.close();
  });
});
