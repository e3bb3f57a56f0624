// Agency codes as the suite compares them (spec: "codes are compared as agencies"). The cases see
// no directory of their own, but every counterpart comes from the reserved test range, whose
// QĐ 20 form is fixed by construction: `000.LL.KK.G99` (level 3 LL, level 2 KK) is `G99.KK.LL`
// (level 1 first, groups growing to the right, unused level 4 dropped). The adapter registers
// both forms of every counterpart in the simulator's directory, so the SUT can use either.
import { sameAgency } from '../../../edxml/identifiers.ts';
import { isReservedCode } from '../../agency-allocator.ts';

const QD20_RESERVED = /^G99\.(\d{2})\.(\d{2})$/;

/** The QĐ 20/2020 form of a reserved-range code (I-04), e.g. `000.03.02.G99` → `G99.02.03`. */
export function qd20FormOf(code: string): string | undefined {
  if (!isReservedCode(code)) return undefined;
  const [, level3, level2] = code.split('.');
  return `G99.${level2}.${level3}`;
}

/** The QCVN 102 form of a reserved-range code written in either form. */
function qcvnForm(code: string): string {
  const m = QD20_RESERVED.exec(code);
  if (!m) return code;
  const candidate = `000.${m[2]}.${m[1]}.G99`;
  return isReservedCode(candidate) ? candidate : code;
}

/** True when two codes name the same agency: both forms of a reserved code, or of a `000.00.00.MXX` body. */
export const sameOrgan = (a: string, b: string): boolean => sameAgency(qcvnForm(a.trim()), qcvnForm(b.trim()));

/**
 * A code of valid QCVN 102 form that no directory holds and the allocator never hands out (level 2
 * is 00, below the range's 01..99): the recipient I-05 asks the SUT to send to.
 */
export const ABSENT_AGENCY_CODE = '000.99.00.G99';
