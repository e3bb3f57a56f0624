// The element tree the packet reader works on: fast-xml-parser builds it from the envelope text
// that xml-scan.ts has already checked, then this file resolves namespaces (match on URI + local
// name, never on prefixes), decodes the five predefined entities and character references, and
// gives every element its finding path.
import { XMLParser } from 'fast-xml-parser';
import { indexed, ENCODED_ELEMENT } from './layout.ts';
import { decodeEntities } from './xml-entities.ts';

export interface XmlElement {
  /** Name as written, prefix included. */
  qname: string;
  local: string;
  /** Namespace URI; `''` when the element is in no namespace. */
  ns: string;
  /** Attributes as written (qualified names), values decoded. */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data of the element itself, decoded. */
  text: string;
  /** Finding path: local names with a 1-based index on repeated siblings. */
  path: string;
}

type FxpNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
});

const nameOf = (node: FxpNode): string | undefined => Object.keys(node).find((k) => k !== ':@');

interface Scope {
  prefixes: Map<string, string>;
}

/**
 * Builds the tree from scanned envelope text. `encodedBodies` are the attachment bodies xml-scan.ts
 * cut out, in document order; each one becomes the text of its ContentTransferEncoded element.
 */
export function readTree(envelope: string, encodedBodies: readonly (string | undefined)[]): XmlElement | undefined {
  const nodes = parser.parse(envelope) as FxpNode[];
  const rootNode = nodes.find((n) => {
    const name = nameOf(n);
    return name !== undefined && name !== '#text' && name !== '#cdata';
  });
  if (!rootNode) return undefined;
  let encodedIndex = 0;

  const convert = (node: FxpNode, name: string, parent: Scope, path: string): XmlElement => {
    const rawAttributes = (node[':@'] ?? {}) as Record<string, string>;
    const attributes: Record<string, string> = {};
    let prefixes = parent.prefixes;
    for (const [key, raw] of Object.entries(rawAttributes)) {
      const value = decodeEntities(String(raw));
      attributes[key] = value;
      if (key === 'xmlns' || key.startsWith('xmlns:')) {
        if (prefixes === parent.prefixes) prefixes = new Map(parent.prefixes);
        prefixes.set(key === 'xmlns' ? '' : key.slice(6), value);
      }
    }
    const colon = name.indexOf(':');
    const prefix = colon === -1 ? '' : name.slice(0, colon);
    const local = name.slice(colon + 1);
    const element: XmlElement = {
      qname: name,
      local,
      ns: prefixes.get(prefix) ?? '',
      attributes,
      children: [],
      text: '',
      path,
    };
    const isEncoded = local === ENCODED_ELEMENT;
    const cutBody = isEncoded ? encodedBodies[encodedIndex++] : undefined;
    const scope = { prefixes };
    const kids = (node[name] ?? []) as FxpNode[];
    const elementKids: [FxpNode, string][] = [];
    const texts: string[] = [];
    for (const kid of kids) {
      const kidName = nameOf(kid);
      if (kidName === undefined) continue;
      if (kidName === '#text') texts.push(decodeEntities(String(kid['#text'])));
      else if (kidName === '#cdata') {
        for (const c of kid['#cdata'] as FxpNode[]) texts.push(String(c['#text'] ?? ''));
      } else elementKids.push([kid, kidName]);
    }
    element.text = cutBody ?? (texts.length === 1 ? texts[0] : texts.join(''));
    const counts = new Map<string, number>();
    for (const [, kidName] of elementKids) {
      const l = kidName.slice(kidName.indexOf(':') + 1);
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    const seen = new Map<string, number>();
    for (const [kid, kidName] of elementKids) {
      const l = kidName.slice(kidName.indexOf(':') + 1);
      const i = seen.get(l) ?? 0;
      seen.set(l, i + 1);
      element.children.push(convert(kid, kidName, scope, `${path}/${indexed(l, i, counts.get(l) ?? 1)}`));
    }
    return element;
  };

  const rootName = nameOf(rootNode) as string;
  return convert(rootNode, rootName, { prefixes: new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]) }, `/${rootName.slice(rootName.indexOf(':') + 1)}`);
}
