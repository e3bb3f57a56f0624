// Agency identifier codes (mã định danh, docs/validate.md): the QCVN 102 form, the QĐ 20/2020
// form, enterprise tax codes, the `Z` form, and allow-listed test or relay ids. Mapping between
// the two state forms goes through a directory given as data: provinces merge, code does not.
import type { DirectoryRecord } from './types.ts';

export type OrganIdForm = 'qcvn102' | 'qd20' | 'enterprise' | 'z' | 'allowed' | 'invalid';

/** `NNN.NN.NN.MXX`: level 4 . level 3 . level 2 . level 1, e.g. `000.00.00.G22`. */
const QCVN102 = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
/** Level 1 `MXX` (M in A–Y) first, then groups growing left to right, at most 35 characters. */
const QD20 = /^[A-Y]\d{2}(?:\.[0-9A-Z]+)*$/;
/** Tax code, 10 to 14 digits (the `02` prefix of real traffic included), optional `-NNN` branch. */
const ENTERPRISE = /^\d{10,14}(?:-\d{3})?$/;
/** `Z` + two digits + up to 32 characters of the QĐ 20 alphabet. */
const Z_FORM = /^Z\d{2}[0-9A-Z.]{0,32}$/;

export function classifyOrganId(code: string, allowIds: readonly string[] = []): OrganIdForm {
  if (QCVN102.test(code)) return 'qcvn102';
  if (code.length <= 35 && QD20.test(code)) return 'qd20';
  if (ENTERPRISE.test(code)) return 'enterprise';
  if (Z_FORM.test(code)) return 'z';
  if (allowIds.includes(code)) return 'allowed';
  return 'invalid';
}

/** The directory record an agency code names, in either form (current code, QCVN 102 code, or old code). */
export function resolveAgency(code: string, directory: readonly DirectoryRecord[]): DirectoryRecord | undefined {
  let deleted: DirectoryRecord | undefined;
  for (const record of directory) {
    if (record.code === code || record.code102 === code || record.oldCode === code) {
      if (!record.deleted) return record;
      deleted ??= record;
    }
  }
  return deleted;
}

/**
 * The level-1 code of a QCVN 102 code whose lower levels are unused (`000.00.00.G12` → `G12`): the
 * two forms then name the same body by construction, directory or not.
 */
function bareLevelOne(code: string): string | undefined {
  return QCVN102.test(code) && code.startsWith('000.00.00.') ? code.slice(10) : undefined;
}

/** True when `a` and `b` name the same agency, possibly under the two forms. */
export function sameAgency(a: string, b: string, directory: readonly DirectoryRecord[] = []): boolean {
  if (a === b) return true;
  const ra = resolveAgency(a, directory);
  const rb = resolveAgency(b, directory);
  if (ra && rb) return ra.id === rb.id;
  return (bareLevelOne(a) ?? a) === (bareLevelOne(b) ?? b);
}
