// The seeded axis directory (danh bạ trục): loaded from fixtures/directory/agencies.json, never
// written in code, because the province list changes (2025 mergers) and vendors may bring their own.
import { readFile } from 'node:fs/promises';
import { classifyOrganId } from '../../edxml/identifiers.ts';
import type { DirectoryRecord } from '../../edxml/types.ts';
import { packagePath } from '../package-root.ts';

export const SEED_DIRECTORY_PATH = packagePath('fixtures', 'directory', 'agencies.json');

/**
 * Test and relay ids seen in real traffic. They are not agencies of the
 * directory: intake accepts them only when allow-listed (the `--allow-id` flag adds more).
 */
export const ALLOWED_TEST_IDS: readonly string[] = ['vxp.saas.02', '00.22.W00', '02.29.W00'];

export interface SeedError {
  code: 'SEED-READ' | 'SEED-JSON' | 'SEED-INVALID';
  vi: string;
  en: string;
}

export type SeedResult = { ok: true; records: DirectoryRecord[] } | { ok: false; error: SeedError };

/** Thrown only by `seedDirectory()`, whose input is the committed fixture: a failure there is a packaging fault. */
export class DirectorySeedError extends Error {
  constructor(readonly error: SeedError) {
    super(`${error.code}: ${error.en}`);
  }
}

const MAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MODIFY_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const OPTIONAL_STRINGS = ['pid', 'pcode', 'code102', 'oldCode', 'mail', 'mobile', 'fax', 'modifyDate'] as const;

const invalid = (where: string, vi: string, en: string): SeedResult => ({
  ok: false,
  error: { code: 'SEED-INVALID', vi: `Danh bạ khởi tạo sai ở ${where}: ${vi}.`, en: `Seed directory invalid at ${where}: ${en}.` },
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks one record's own fields; returns the failure or undefined. */
function checkRecord(r: unknown, where: string): SeedResult | undefined {
  if (!isObject(r)) return invalid(where, 'bản ghi không phải đối tượng JSON', 'the record is not a JSON object');
  for (const field of ['id', 'code', 'name'] as const) {
    if (typeof r[field] !== 'string' || (r[field] as string).trim() === '') {
      return invalid(where, `thiếu trường "${field}"`, `field "${field}" is missing or empty`);
    }
  }
  for (const field of OPTIONAL_STRINGS) {
    if (r[field] !== undefined && typeof r[field] !== 'string') {
      return invalid(where, `trường "${field}" phải là chuỗi`, `field "${field}" must be a string`);
    }
  }
  // Code forms are judged by the one identifier implementation the validator uses; allow-listed
  // test ids are deliberately not accepted here: they are not directory records.
  const code = r.code as string;
  if (classifyOrganId(code) === 'invalid') {
    return invalid(where, `mã "${code}" không đúng dạng`, `code "${code}" is not a valid identifier`);
  }
  if (r.code102 !== undefined && classifyOrganId(r.code102 as string) !== 'qcvn102') {
    return invalid(where, `mã "${String(r.code102)}" không đúng dạng QCVN 102`, `"${String(r.code102)}" is not a QCVN 102 code`);
  }
  if (r.mail !== undefined && !MAIL.test(r.mail as string)) {
    return invalid(where, `thư điện tử "${String(r.mail)}" không hợp lệ`, `mail "${String(r.mail)}" is not a valid e-mail`);
  }
  if (r.modifyDate !== undefined && !MODIFY_DATE.test(r.modifyDate as string)) {
    return invalid(where, 'modifyDate phải có dạng yyyy-MM-dd HH:mm:ss', 'modifyDate must be yyyy-MM-dd HH:mm:ss');
  }
  if (!Number.isInteger(r.version) || (r.version as number) < 0) {
    return invalid(where, 'version phải là số nguyên không âm', 'version must be a non-negative integer');
  }
  if (typeof r.deleted !== 'boolean') return invalid(where, 'deleted phải là true/false', 'deleted must be a boolean');
  if (r.inferred !== undefined && typeof r.inferred !== 'boolean') {
    return invalid(where, 'inferred phải là true/false', 'inferred must be a boolean');
  }
  return undefined;
}

/**
 * Validates parsed JSON as a directory: every record well formed, ids and codes (both forms) unique
 * across the directory, and every parent id present, so routing can trust it.
 */
export function validateDirectory(data: unknown): SeedResult {
  if (!Array.isArray(data)) {
    return invalid('gốc / root', 'tệp phải chứa một mảng bản ghi', 'the file must hold an array of records');
  }
  const ids = new Set<string>();
  const codes = new Set<string>();
  for (const [i, r] of data.entries()) {
    const where = `[${i}]`;
    const failure = checkRecord(r, where);
    if (failure) return failure;
    const record = r as DirectoryRecord;
    if (ids.has(record.id)) return invalid(where, `trùng id "${record.id}"`, `duplicate id "${record.id}"`);
    ids.add(record.id);
    for (const c of new Set([record.code, record.code102].filter((x): x is string => x !== undefined))) {
      if (codes.has(c)) return invalid(where, `trùng mã "${c}"`, `duplicate code "${c}"`);
      codes.add(c);
    }
  }
  for (const [i, r] of (data as DirectoryRecord[]).entries()) {
    if (r.pid !== undefined && !ids.has(r.pid)) {
      return invalid(`[${i}]`, `không có đơn vị cha "${r.pid}"`, `parent id "${r.pid}" does not exist`);
    }
  }
  return { ok: true, records: data as DirectoryRecord[] };
}

/** Reads and validates a directory file (the seed by default, or a vendor's own). */
export async function readDirectoryFile(path: string = SEED_DIRECTORY_PATH): Promise<SeedResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'unknown';
    return {
      ok: false,
      error: { code: 'SEED-READ', vi: `Không đọc được tệp danh bạ ${path} (${reason}).`, en: `Cannot read directory file ${path} (${reason}).` },
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: { code: 'SEED-JSON', vi: `Tệp danh bạ ${path} không phải JSON hợp lệ.`, en: `Directory file ${path} is not valid JSON.` },
    };
  }
  return validateDirectory(data);
}

/** The committed seed directory; a fresh copy on every call, so callers may mutate what they get. */
export async function seedDirectory(): Promise<DirectoryRecord[]> {
  const result = await readDirectoryFile();
  if (!result.ok) throw new DirectorySeedError(result.error);
  return result.records;
}
