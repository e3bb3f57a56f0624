// The reserved test range of agency codes: units under 000.00.00.G99 — QCVN 102 codes
// `000.LL.KK.G99` (level 3 LL, level 2 KK, both 01..99) — that no real agency holds. Conformance
// runs play their counterpart agencies from it; the axis uses it to tell which run an exchange
// belongs to (runs.ts). Positions grow without end across runs; the code at a position wraps
// around the range's 9801 codes.

export const RESERVED_PARENT = '000.00.00.G99';
const LEVEL_SIZE = 99;
export const RESERVED_CAPACITY = LEVEL_SIZE * LEVEL_SIZE;

const two = (n: number) => String(n).padStart(2, '0');

/** The code at `position` (0-based, any non-negative integer) of the reserved range. */
export function reservedCode(position: number): string {
  const index = ((Math.trunc(position) % RESERVED_CAPACITY) + RESERVED_CAPACITY) % RESERVED_CAPACITY;
  const level3 = Math.floor(index / LEVEL_SIZE) + 1;
  const level2 = (index % LEVEL_SIZE) + 1;
  return `000.${two(level3)}.${two(level2)}.G99`;
}

export const isReservedCode = (code: string): boolean => /^000\.(0[1-9]|[1-9]\d)\.(0[1-9]|[1-9]\d)\.G99$/.test(code);

/**
 * The QĐ 20/2020 form of a reserved code: level 1 first, groups growing to the right, the unused
 * level 4 dropped — `000.LL.KK.G99` is `G99.KK.LL`. Counterparts are registered under both forms,
 * so a case can write either (I-04) and the SUT's answers route whichever it echoes.
 */
export function reservedQd20Form(code: string): string | undefined {
  if (!isReservedCode(code)) return undefined;
  const [, level3, level2] = code.split('.');
  return `G99.${level2}.${level3}`;
}

/** The QCVN 102 form of a reserved code written in its QĐ 20 form (`G99.KK.LL`), else undefined. */
export function reservedQcvnForm(code: string): string | undefined {
  const m = /^G99\.(\d{2})\.(\d{2})$/.exec(code);
  const candidate = m ? `000.${m[2]}.${m[1]}.G99` : undefined;
  return candidate && isReservedCode(candidate) ? candidate : undefined;
}

/** Where a reserved code (either form) sits in the range (0 … capacity - 1), else undefined. */
export function reservedIndex(code: string): number | undefined {
  const qcvn = isReservedCode(code) ? code : reservedQcvnForm(code);
  if (!qcvn) return undefined;
  const [, level3, level2] = qcvn.split('.').map(Number);
  return (level3 - 1) * LEVEL_SIZE + (level2 - 1);
}

/** Whether `code` (either form) is one of the `count` codes from `start`. */
export function inReservation(code: string, start: number, count: number): boolean {
  const index = reservedIndex(code);
  if (index === undefined || count <= 0) return false;
  if (count >= RESERVED_CAPACITY) return true;
  const offset = (((index - start) % RESERVED_CAPACITY) + RESERVED_CAPACITY) % RESERVED_CAPACITY;
  return offset < count;
}
