// The shipped JSON Schema of report.json, compiled once; certify and the tests check every
// report they produce against it, so the file a third party validates with is the one we obey.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';

export const REPORT_SCHEMA_URL = new URL('./report.schema.json', import.meta.url);

let compiled: ReturnType<Ajv['compile']> | undefined;

/** The schema violations of `report` (empty when it conforms), as `path: message` lines. */
export function reportSchemaErrors(report: unknown): string[] {
  compiled ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(JSON.parse(readFileSync(REPORT_SCHEMA_URL, 'utf8')));
  if (compiled(report)) return [];
  return (compiled.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}
