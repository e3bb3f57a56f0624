// Comparing people's and agencies' names as §4.0 says: NFC, case-insensitive, spaces collapsed.

export const normalizeName = (name: string): string => name.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

export const sameName = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && normalizeName(a) !== '' && normalizeName(a) === normalizeName(b);
