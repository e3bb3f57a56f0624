// Attribution (docs/conformance.md): each case plays its own counterpart agencies, so whatever the
// SUT sends to them belongs to that case. They come from a reserved test range of units under
// 000.00.00.G99 — QCVN 102 codes `000.LL.KK.G99` (level 3 LL, level 2 KK, both 01..99) — that no
// real agency holds.

export const RESERVED_PARENT = '000.00.00.G99';
const LEVEL_SIZE = 99;
export const RESERVED_CAPACITY = LEVEL_SIZE * LEVEL_SIZE;

const two = (n: number) => String(n).padStart(2, '0');

/** The code at position `index` (0-based) of the reserved range. */
export function reservedCode(index: number): string {
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

export class AllocationError extends Error {
  readonly code = 'CONF-AGENCY-EXHAUSTED';
  readonly vi = 'Đã dùng hết dải mã cơ quan thử nghiệm dành riêng';
  readonly en = 'The reserved range of test agency codes is exhausted';
  constructor() {
    super('The reserved range of test agency codes is exhausted');
  }
}

export interface AgencyAllocator {
  /** `count` fresh codes for `caseId`; throws AllocationError when the range is exhausted. */
  allocate(caseId: string, count: number): string[];
  /** The case a code was given to, for attributing traffic. */
  ownerOf(code: string): string | undefined;
}

export interface AllocatorOptions {
  /** Codes another run in the same sandbox already uses: skipped so runs can share an axis. */
  isTaken?: (code: string) => boolean;
  /** Where to start in the range (e.g. derived from the run id), so parallel runs rarely collide. */
  start?: number;
}

export function createAgencyAllocator(options: AllocatorOptions = {}): AgencyAllocator {
  const owners = new Map<string, string>();
  const start = Math.abs(Math.trunc(options.start ?? 0)) % RESERVED_CAPACITY;
  let scanned = 0;
  const next = (): string => {
    while (scanned < RESERVED_CAPACITY) {
      const code = reservedCode((start + scanned) % RESERVED_CAPACITY);
      scanned++;
      if (!owners.has(code) && !options.isTaken?.(code)) return code;
    }
    throw new AllocationError();
  };
  return {
    allocate(caseId, count) {
      const codes = Array.from({ length: count }, next);
      for (const code of codes) owners.set(code, caseId);
      return codes;
    },
    ownerOf: (code) => owners.get(code),
  };
}
