// Text as the spec compares it: NFC-normalised, lengths counted in Unicode code points.
export const nfc = (value: string): string => value.normalize('NFC');

export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of nfc(value)) n++;
  return n;
}

/** Non-negative integer as written (`01` included); never coerced through Number for the check. */
export const isNonNegativeInteger = (value: string): boolean => /^[0-9]+$/.test(value);
