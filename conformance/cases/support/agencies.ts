// Agency codes as the suite compares them (spec: "codes are compared as agencies"). The cases see
// no directory of their own, but every counterpart comes from the reserved test range, whose
// QĐ 20 form is fixed by construction (agency-allocator.ts) and registered by the port with the
// QCVN 102 form, so the SUT can use either.
import { sameAgency } from '../../../edxml/identifiers.ts';
import { reservedQcvnForm } from '../../agency-allocator.ts';

export { reservedQd20Form as qd20FormOf } from '../../agency-allocator.ts';

/** True when two codes name the same agency: both forms of a reserved code, or of a `000.00.00.MXX` body. */
export const sameOrgan = (a: string, b: string): boolean => {
  const x = a.trim();
  const y = b.trim();
  return sameAgency(reservedQcvnForm(x) ?? x, reservedQcvnForm(y) ?? y);
};

/**
 * A code of valid QCVN 102 form that no directory holds and the allocator never hands out (level 2
 * is 00, below the range's 01..99): the recipient I-05 asks the SUT to send to.
 */
export const ABSENT_AGENCY_CODE = '000.99.00.G99';
