// The identifier hierarchy of agency codes (mã định danh): which codes name units under an agency.
// QCVN 102 form `L4.L3.L2.L1` (level 1 on the right, `00`/`000` = unused level): a unit is under
// an agency when it keeps every level the agency uses and uses at least one more. QĐ 20/2020 form
// `L1.L2…` (groups grow left to right): a unit is under an agency when it extends its groups.
const QCVN102 = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z]\d{2})$/;
const QD20 = /^[A-Y]\d{2}(?:\.[0-9A-Z]+)*$/;

const unused = (level: string) => /^0+$/.test(level);

/** True when `unit` is strictly below `agency` in the same code form. Other forms have no hierarchy. */
export function isUnitOf(unit: string, agency: string): boolean {
  const u = QCVN102.exec(unit);
  const a = QCVN102.exec(agency);
  if (u && a) {
    if (u[4] !== a[4] || unit === agency) return false;
    for (let level = 1; level <= 3; level++) {
      if (!unused(a[level]) && a[level] !== u[level]) return false;
    }
    const used = (m: RegExpExecArray) => [1, 2, 3].filter((l) => !unused(m[l])).length;
    return used(u) > used(a);
  }
  if (unit.length <= 35 && QD20.test(unit) && QD20.test(agency)) return unit.startsWith(`${agency}.`);
  return false;
}
