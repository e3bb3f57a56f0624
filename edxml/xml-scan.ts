// A single cheap pass over the packet text, before any parser sees it. It does three things
// fast-xml-parser does not: refuses a DOCTYPE before parsing (no DTDs, no custom entities), checks
// well-formedness (fast-xml-parser accepts `<a><b></a>`), bounds the nesting depth so that nothing
// downstream can overflow the stack, and cuts the attachment bodies out of the text so that
// megabytes of base64 never go through the parser's value handling: each body is kept as a
// substring of the input (V8 shares the memory) and handed to the packet model directly. A body
// with character references (JDOM's XMLOutputter writes the CR of MIME base64 lines as `&#xD;`) is
// cut out decoded, so the attachment sees the characters the XML means, not the markup.
import type { LocalizedText } from './finding.ts';
import { ENCODED_ELEMENT } from './layout.ts';
import { describeCharAt, firstIllegalXmlChar, isXmlCodePoint } from './xml-chars.ts';
import { decodeEntities } from './xml-entities.ts';

/** Deeper than any real packet (about 8 levels) by far, shallow enough for recursive tree walks. */
export const MAX_DEPTH = 256;

export type ScanProblem =
  | { kind: 'doctype' }
  | { kind: 'depth' }
  | { kind: 'malformed'; detail: LocalizedText; offset: number };

export interface ScanResult {
  problem?: ScanProblem;
  /** The text with every cut-out body replaced by nothing; only meaningful without a problem. */
  envelope: string;
  /**
   * One entry per ContentTransferEncoded start tag, in document order: the body text (references
   * decoded) when it was cut out, `undefined` when it was left to the parser (CDATA, child elements).
   */
  encodedBodies: (string | undefined)[];
  /** The `encoding` pseudo-attribute of the XML declaration, when present. */
  declaredEncoding?: string;
}

const NAME = /[^\s/>=<"']+/y;
// \u0080-\u00ff: parse.ts scans bytes read as latin1, where a non-ASCII letter shows as such characters.
const NAME_VALID = /^[\p{L}_\u0080-\u00ff][\p{L}\p{N}_.\-·\u0080-\u00ff]*(?::[\p{L}_\u0080-\u00ff][\p{L}\p{N}_.\-·\u0080-\u00ff]*)?$/u;
const REFERENCE = /&(?:lt|gt|amp|apos|quot|#[0-9]+|#x[0-9a-fA-F]+);/y;
const SPACE = /[ \t\r\n]*/y;
const ENCODING = /\bencoding\s*=\s*["']([^"']*)["']/;
const XML_VERSION = /^<\?xml\s+version\s*=\s*["']1\.[01]["']/;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

function skipSpace(s: string, pos: number): number {
  SPACE.lastIndex = pos;
  SPACE.test(s);
  return SPACE.lastIndex;
}

/** Offset of the first malformed `&` reference in s[from, to), or -1; `&#0;`, `&#xD800;` and `&#x110000;` name no XML Char. */
function badReference(s: string, from: number, to: number): number {
  for (let amp = s.indexOf('&', from); amp !== -1 && amp < to; amp = s.indexOf('&', amp + 1)) {
    REFERENCE.lastIndex = amp;
    if (!REFERENCE.test(s) || REFERENCE.lastIndex > to) return amp;
    if (s.charCodeAt(amp + 1) === 0x23 /* # */) {
      const digits = s.slice(amp + 2, REFERENCE.lastIndex - 1);
      const cp = digits.startsWith('x') ? parseInt(digits.slice(1), 16) : parseInt(digits, 10);
      if (!isXmlCodePoint(cp)) return amp;
    }
  }
  return -1;
}

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

class Malformed extends Error {
  constructor(
    readonly detail: LocalizedText,
    readonly offset: number,
  ) {
    super(detail.en);
  }
}

/** `latin1`: s holds UTF-8 bytes read as latin1 (see parse.ts), which changes how U+FFFE looks. */
export function scanXml(s: string, latin1 = false): ScanResult {
  const illegal = firstIllegalXmlChar(s, latin1);
  if (illegal !== -1) {
    const char = describeCharAt(s, illegal, latin1);
    const detail = { vi: `ký tự ${char} không được phép trong XML`, en: `character ${char} is not allowed in XML` };
    return { problem: { kind: 'malformed', detail, offset: illegal }, envelope: '', encodedBodies: [] };
  }
  const encodedBodies: (string | undefined)[] = [];
  const pieces: string[] = [];
  let pieceStart = 0;
  let declaredEncoding: string | undefined;
  const stack: string[] = [];
  let rootDone = false;
  let pos = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (detail: LocalizedText, offset: number): never => {
    throw new Malformed(detail, offset);
  };
  try {
    while (pos < s.length) {
      const lt = s.indexOf('<', pos);
      const textEnd = lt === -1 ? s.length : lt;
      if (stack.length === 0) {
        for (let i = pos; i < textEnd; i++) if (!isSpace(s.charCodeAt(i))) fail({ vi: 'có văn bản nằm ngoài phần tử gốc', en: 'text outside the root element' }, i);
      } else {
        const bad = badReference(s, pos, textEnd);
        if (bad !== -1) fail({ vi: 'tham chiếu ký tự hoặc thực thể không hợp lệ', en: 'invalid character or entity reference' }, bad);
      }
      if (lt === -1) break;
      const next = s.charCodeAt(lt + 1);
      if (next === 0x3f /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end === -1) fail({ vi: 'chỉ thị xử lý không được đóng', en: 'unterminated processing instruction' }, lt);
        if (s.startsWith('<?xml', lt) && (isSpace(s.charCodeAt(lt + 5)) || s.charCodeAt(lt + 5) === 0x3f)) {
          if (lt > (s.charCodeAt(0) === 0xfeff ? 1 : 0)) fail({ vi: 'khai báo XML không nằm ở đầu tài liệu', en: 'XML declaration not at the start' }, lt);
          const declaration = s.slice(lt, end);
          if (!XML_VERSION.test(declaration)) fail({ vi: 'khai báo XML thiếu version="1.0"', en: 'the XML declaration lacks version="1.0"' }, lt);
          declaredEncoding = ENCODING.exec(declaration)?.[1];
        }
        pos = end + 2;
      } else if (next === 0x21 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end === -1) fail({ vi: 'chú thích không được đóng', en: 'unterminated comment' }, lt);
          pos = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          if (stack.length === 0) fail({ vi: 'đoạn CDATA nằm ngoài phần tử gốc', en: 'CDATA outside the root element' }, lt);
          const end = s.indexOf(']]>', lt + 9);
          if (end === -1) fail({ vi: 'đoạn CDATA không được đóng', en: 'unterminated CDATA section' }, lt);
          pos = end + 3;
        } else if (s.startsWith('<!DOCTYPE', lt)) {
          return { problem: { kind: 'doctype' }, envelope: '', encodedBodies, declaredEncoding };
        } else {
          fail({ vi: 'khai báo đánh dấu không mong đợi', en: 'unexpected markup declaration' }, lt);
        }
      } else if (next === 0x2f /* / */) {
        NAME.lastIndex = lt + 2;
        const name = NAME.exec(s)?.[0] ?? '';
        const close = skipSpace(s, lt + 2 + name.length);
        if (s.charCodeAt(close) !== 0x3e) fail({ vi: 'thẻ đóng sai cú pháp', en: 'malformed end tag' }, lt);
        const open = stack.pop();
        if (open !== name) fail(
          open
            ? { vi: `thẻ đóng </${name}> không khớp với <${open}>`, en: `end tag </${name}> does not match <${open}>` }
            : { vi: `thẻ đóng </${name}> không mong đợi`, en: `unexpected end tag </${name}>` },
          lt,
        );
        if (stack.length === 0) rootDone = true;
        pos = close + 1;
      } else {
        NAME.lastIndex = lt + 1;
        const name = NAME.exec(s)?.[0] ?? '';
        if (!NAME_VALID.test(name)) fail({ vi: 'tên phần tử không hợp lệ', en: 'invalid element name' }, lt);
        if (rootDone) fail({ vi: 'có nhiều hơn một phần tử gốc', en: 'more than one root element' }, lt);
        let p = lt + 1 + name.length;
        const seen = new Set<string>();
        let selfClosing = false;
        for (;;) {
          const afterSpace = skipSpace(s, p);
          const c = s.charCodeAt(afterSpace);
          if (c === 0x3e) {
            p = afterSpace + 1;
            break;
          }
          if (c === 0x2f && s.charCodeAt(afterSpace + 1) === 0x3e) {
            p = afterSpace + 2;
            selfClosing = true;
            break;
          }
          if (afterSpace === p) fail({ vi: 'thẻ mở sai cú pháp', en: 'malformed start tag' }, lt);
          NAME.lastIndex = afterSpace;
          const attr = NAME.exec(s)?.[0] ?? '';
          if (!NAME_VALID.test(attr)) fail({ vi: 'thuộc tính sai cú pháp', en: 'malformed attribute' }, afterSpace);
          if (seen.has(attr)) fail({ vi: `thuộc tính ${attr} bị lặp`, en: `duplicate attribute ${attr}` }, afterSpace);
          seen.add(attr);
          const eq = skipSpace(s, afterSpace + attr.length);
          if (s.charCodeAt(eq) !== 0x3d) fail({ vi: 'thuộc tính không có giá trị', en: 'attribute without value' }, afterSpace);
          const q = skipSpace(s, eq + 1);
          const quote = s[q];
          if (quote !== '"' && quote !== "'") fail({ vi: 'giá trị thuộc tính không có dấu nháy', en: 'unquoted attribute value' }, q);
          const end = s.indexOf(quote, q + 1);
          if (end === -1) fail({ vi: 'giá trị thuộc tính không được đóng', en: 'unterminated attribute value' }, q);
          const lessThan = s.indexOf('<', q + 1);
          if (lessThan !== -1 && lessThan < end) fail({ vi: 'có ký tự "<" trong giá trị thuộc tính', en: '"<" in attribute value' }, lessThan);
          const bad = badReference(s, q + 1, end);
          if (bad !== -1) fail({ vi: 'tham chiếu thực thể không hợp lệ trong giá trị thuộc tính', en: 'invalid entity reference in attribute value' }, bad);
          p = end + 1;
        }
        if (selfClosing) {
          if (stack.length === 0) rootDone = true;
          if (localName(name) === ENCODED_ELEMENT) encodedBodies.push(undefined);
          pos = p;
          continue;
        }
        stack.push(name);
        if (stack.length > MAX_DEPTH) return { problem: { kind: 'depth' }, envelope: '', encodedBodies, declaredEncoding };
        pos = p;
        if (localName(name) === ENCODED_ELEMENT) {
          const bodyEnd = s.indexOf('<', p);
          const plain =
            bodyEnd !== -1 &&
            s.startsWith(`</${name}`, bodyEnd) &&
            s.charCodeAt(skipSpace(s, bodyEnd + 2 + name.length)) === 0x3e &&
            badReference(s, p, bodyEnd) === -1;
          if (plain) {
            pieces.push(s.slice(pieceStart, p));
            encodedBodies.push(decodeEntities(s.slice(p, bodyEnd)));
            pieceStart = bodyEnd;
            pos = bodyEnd;
          } else {
            encodedBodies.push(undefined);
          }
        }
      }
    }
    if (stack.length > 0) fail({ vi: `phần tử <${stack[stack.length - 1]}> không được đóng`, en: `element <${stack[stack.length - 1]}> is not closed` }, s.length);
    if (!rootDone) fail({ vi: 'không có phần tử gốc', en: 'no root element' }, 0);
  } catch (e) {
    if (e instanceof Malformed) {
      return { problem: { kind: 'malformed', detail: e.detail, offset: e.offset }, envelope: '', encodedBodies: [] };
    }
    throw e;
  }
  pieces.push(pieceStart === 0 ? s : s.slice(pieceStart));
  return { envelope: pieces.join(''), encodedBodies, declaredEncoding };
}
