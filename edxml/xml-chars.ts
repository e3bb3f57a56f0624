// XML 1.0 §2.2, the Char production: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
// [#x10000-#x10FFFF]. Anything else (NUL and the other C0 controls, lone surrogates, U+FFFE/FFFF)
// cannot appear in an XML document, raw or as a character reference, and no SQL store can hold NUL:
// one definition, used by the packet scanner and by the axis's edge.

/** A character outside XML's Char production, in a JavaScript (UTF-16) string. */
const ILLEGAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ILLEGAL_ALL = new RegExp(ILLEGAL.source, 'g');
/** The same, in UTF-8 bytes read as latin1 (valid UTF-8 already excludes surrogates). */
const ILLEGAL_LATIN1 = /[\x00-\x08\x0B\x0C\x0E-\x1F]|\xEF\xBF[\xBE\xBF]/;

export function isXmlCodePoint(cp: number): boolean {
  return (
    cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Offset of the first character outside XML's Char production, or -1. `latin1`: the string holds UTF-8 bytes. */
export function firstIllegalXmlChar(text: string, latin1 = false): number {
  const match = (latin1 ? ILLEGAL_LATIN1 : ILLEGAL).exec(text);
  return match ? match.index : -1;
}

/** `U+0000`-style name of the character at an offset, for error details. */
export function describeCharAt(text: string, offset: number, latin1 = false): string {
  const cp = latin1 ? Buffer.from(text.slice(offset, offset + 3), 'latin1').toString('utf8').codePointAt(0) : text.codePointAt(offset);
  return `U+${(cp ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text with each illegal character written as `\u{XXXX}`, so it can be stored and shown. */
export function escapeIllegalXmlChars(text: string): string {
  return ILLEGAL.test(text) ? text.replace(ILLEGAL_ALL, (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}}`) : text;
}
