// Attribution (docs/conformance.md): each case plays its own counterpart agencies, so whatever the
// SUT sends to them belongs to that case. They come from the run's reservation in the axis store
// (simulator/directory/reserved-range.ts): positions no other run on that store ever gets.
import { reservedCode } from '../simulator/directory/reserved-range.ts';

export { RESERVED_CAPACITY, RESERVED_PARENT, isReservedCode, reservedCode, reservedQcvnForm, reservedQd20Form } from '../simulator/directory/reserved-range.ts';

export class AllocationError extends Error {
  readonly code = 'CONF-AGENCY-EXHAUSTED';
  readonly vi = 'Đã dùng hết các mã cơ quan thử nghiệm lượt chạy này giữ chỗ';
  readonly en = 'The run has used every test agency code it reserved';
  constructor() {
    super('The run has used every test agency code it reserved');
  }
}

export interface AgencyAllocator {
  /** `count` fresh codes for `caseId`; throws AllocationError when the reservation is used up. */
  allocate(caseId: string, count: number): string[];
  /** The case a code was given to, for attributing traffic. */
  ownerOf(code: string): string | undefined;
}

/** Hands out the reservation's codes (positions `start` … `start + count - 1`) in order. */
export function createAgencyAllocator(reservation: { start: number; count: number }): AgencyAllocator {
  const owners = new Map<string, string>();
  let used = 0;
  const next = (): string => {
    if (used >= reservation.count) throw new AllocationError();
    return reservedCode(reservation.start + used++);
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
