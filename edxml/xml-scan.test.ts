import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, scanXml } from './xml-scan.ts';

const malformed = (xml: string) => scanXml(xml).problem?.kind;

describe('scanXml', () => {
  it('refuses a DOCTYPE before anything is parsed', () => {
    expect(malformed('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toBe('doctype');
  });

  it.each([
    ['<a><b></a>', 'mismatched end tag'],
    ['<a>', 'unclosed element'],
    ['<a/><b/>', 'two roots'],
    ['text', 'text outside the root'],
    ['<a x=1/>', 'unquoted attribute'],
    ['<a x="1" x="2"/>', 'duplicate attribute'],
    ['<a>&nbsp;</a>', 'HTML entity'],
    ['<a>AT&T</a>', 'bare ampersand'],
    ['<a x="<"/>', '< in attribute'],
    ['<a><!-- open</a>', 'unterminated comment'],
    ['<a/><?xml version="1.0"?>', 'late XML declaration'],
    ['<1a/>', 'bad name'],
    ['<?xml version="2.0"?><a/>', 'unknown XML version'],
    ['<?xml encoding="UTF-8"?><a/>', 'declaration without version'],
  ])('reports %s as malformed (%s)', (xml) => {
    expect(malformed(xml)).toBe('malformed');
  });

  it('accepts comments, CDATA, processing instructions and references', () => {
    const r = scanXml('\ufeff<?xml version="1.0" encoding="utf-8"?>\n<!-- c --><a x=\'&lt;&#65;&#x41;\'><![CDATA[<b>]]>&amp;<?pi x?></a>\n');
    expect(r.problem).toBeUndefined();
    expect(r.declaredEncoding).toBe('utf-8');
  });

  it('bounds the depth', () => {
    const deep = (n: number) => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}`;
    expect(scanXml(deep(MAX_DEPTH)).problem).toBeUndefined();
    expect(malformed(deep(MAX_DEPTH + 1))).toBe('depth');
    expect(malformed(deep(100_000))).toBe('depth');
  });

  it('cuts plain attachment bodies out of the envelope and keeps them in order', () => {
    const xml = '<r><p:ContentTransferEncoded>QUJD</p:ContentTransferEncoded><ContentTransferEncoded><![CDATA[REVG]]></ContentTransferEncoded><ContentTransferEncoded/><ContentTransferEncoded >R0hJ</ContentTransferEncoded ></r>';
    const r = scanXml(xml);
    expect(r.problem).toBeUndefined();
    expect(r.encodedBodies).toEqual(['QUJD', undefined, undefined, 'R0hJ']);
    expect(r.envelope).not.toContain('QUJD');
    expect(r.envelope).not.toContain('R0hJ');
    expect(r.envelope).toContain('REVG');
  });

  it('cuts out a body with character references decoded (JDOM writes the CR of MIME base64 as &#xD;)', () => {
    const r = scanXml('<r><ContentTransferEncoded>QUJD&#xD;\nREVG&#13;\n</ContentTransferEncoded></r>');
    expect(r.problem).toBeUndefined();
    expect(r.encodedBodies).toEqual(['QUJD\r\nREVG\r\n']);
  });

  it('does not mistake a tag inside a comment for an attachment', () => {
    const r = scanXml('<r><!-- <ContentTransferEncoded>x</ContentTransferEncoded> --><a>b</a></r>');
    expect(r.problem).toBeUndefined();
    expect(r.encodedBodies).toEqual([]);
  });
});
