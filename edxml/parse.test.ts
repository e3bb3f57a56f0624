import { describe, expect, it } from 'vitest';
import { buildPacket } from './build.ts';
import { composeEdoc, composeStatus } from './compose.ts';
import { parsePacket } from './parse.ts';
import type { EdocPacket, StatusPacket } from './types.ts';

const NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
const rulesOf = (r: { findings: { rule: string }[] }) => r.findings.map((f) => f.rule);

/** A hand-written packet: children out of order, mixed prefixes, entities, an extension. */
const handWritten = `<?xml version="1.0" encoding="UTF-8"?>
<x:edXML xmlns:x="${NS}">
  <x:edXMLEnvelope>
    <x:edXMLHeader>
      <MessageHeader xmlns="${NS}">
        <Subject>Về việc &lt;thử&gt; &amp; &#7841;&#x1EA1;</Subject>
        <To><OrganId>G12</OrganId></To>
        <From><OrganName>Văn phòng Chính phủ</OrganName><OrganId>000.00.00.G22</OrganId></From>
        <Code><CodeNotation>VPCP-TTĐT</CodeNotation><CodeNumber>0078</CodeNumber></Code>
        <To><OrganId>000.00.00.H29</OrganId></To>
        <Direction kind="out">01</Direction>
        <DocumentType><Type>01</Type><TypeName>Công văn</TypeName></DocumentType>
        <PromulgationInfo><PromulgationDate>2025/09/30</PromulgationDate></PromulgationInfo>
      </MessageHeader>
    </x:edXMLHeader>
    <x:edXMLBody><x:edXMLManifest version="1.0"><x:Reference><ContentId xmlns="${NS}">cid:a</ContentId></x:Reference></x:edXMLManifest></x:edXMLBody>
  </x:edXMLEnvelope>
  <x:AttachmentEncoded><x:Attachment><x:ContentId>a</x:ContentId><x:ContentTransferEncoded><![CDATA[QUJD]]></x:ContentTransferEncoded></x:Attachment></x:AttachmentEncoded>
</x:edXML>`;

describe('parsePacket', () => {
  it('reads by namespace URI and local name, in any order, values as written', () => {
    const r = parsePacket(handWritten);
    expect(r.kind).toBe('edoc');
    expect(r.findings).toEqual([]);
    const p = r.packet as EdocPacket;
    expect(p.header.from).toEqual({ organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' });
    expect(p.header.to.map((t) => t.organId)).toEqual(['G12', '000.00.00.H29']);
    expect(p.header.code).toEqual({ codeNumber: '0078', codeNotation: 'VPCP-TTĐT' });
    expect(p.header.documentType?.type).toBe('01');
    expect(p.header.subject).toBe('Về việc <thử> & ạạ');
    expect(p.header.extensions).toEqual([{ name: 'Direction', attributes: { kind: 'out' }, children: [], text: '01' }]);
    expect(p.manifest).toEqual([{ contentId: 'cid:a' }]);
    expect(p.attachments).toEqual([{ contentId: 'a', encoded: 'QUJD' }]);
  });

  it('tells status packets by their StatusCode and normalises `1` to `01` with a warning', () => {
    const xml = new TextDecoder().decode(
      buildPacket(composeStatus({ from: 'G12', responseFor: { organId: '000.00.00.G22' }, statusCode: '03', timestamp: '2025/09/30 09:00:00' })),
    );
    const r = parsePacket(xml.replace('<edXML:StatusCode>03</edXML:StatusCode>', '<edXML:StatusCode>3</edXML:StatusCode>'));
    expect(r.kind).toBe('status');
    expect((r.packet as StatusPacket).header.statusCode).toBe('03');
    expect(rulesOf(r)).toEqual(['EDXML-STATUS-001']);
  });

  it('ignores prefixes: an element in another namespace is not a QCVN element', () => {
    const r = parsePacket(handWritten.replace(`<MessageHeader xmlns="${NS}">`, '<MessageHeader xmlns="urn:other">'));
    expect(rulesOf(r)).toEqual(['EDXML-STRUCT-001']);
    expect(r.packet).toBeUndefined();
  });

  it('reads misplaced and duplicated elements, and says so', () => {
    const xml = new TextDecoder().decode(
      buildPacket(
        composeEdoc({
          from: '000.00.00.G22', to: ['G12'], codeNumber: '1', codeNotation: 'X', promulgationDate: '2025/09/30', subject: 'first',
          business: { bussinessDocType: '1', documentId: 'd' },
        }),
      ),
    );
    const moved = xml
      .replace(/<edXML:Bussiness>[\s\S]*<\/edXML:Bussiness>/, '')
      .replace('<edXML:Subject>first</edXML:Subject>', '<edXML:Subject>first</edXML:Subject><Subject>second</Subject><Bussiness><BussinessDocType>1</BussinessDocType></Bussiness>');
    const r = parsePacket(moved);
    const p = r.packet as EdocPacket;
    expect(p.header.subject).toBe('first');
    expect(p.business?.bussinessDocType).toBe('1');
    expect(p.header.extensions).toEqual([]);
    expect(rulesOf(r).sort()).toEqual(['EDXML-STRUCT-002', 'EDXML-STRUCT-003']);
    expect(r.findings.find((f) => f.rule === 'EDXML-STRUCT-002')?.path).toBe('/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/Subject[2]');
  });

  it('turns unreadable input into findings, never exceptions', () => {
    expect(rulesOf(parsePacket(new Uint8Array()))).toEqual(['EDXML-XML-006']);
    expect(rulesOf(parsePacket('   \n'))).toEqual(['EDXML-XML-006']);
    expect(rulesOf(parsePacket(Uint8Array.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e])))).toEqual(['EDXML-XML-004']);
    expect(rulesOf(parsePacket('<!DOCTYPE edXML SYSTEM "file:///etc/passwd"><edXML/>'))).toEqual(['EDXML-XML-002']);
    expect(parsePacket('<edXML xmlns="urn:x"/>').kind).toBe('unknown');
  });

  it('keeps a signature element whatever its namespace', () => {
    const xml = handWritten.replace('</x:edXMLHeader>', '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignatureValue>AA==</SignatureValue></Signature></x:edXMLHeader>');
    const p = parsePacket(xml).packet as EdocPacket;
    expect(p.signed).toBe(true);
    expect(p.signature?.namespace).toBe('http://www.w3.org/2000/09/xmldsig#');
    expect(p.header.extensions.map((e) => e.name)).toEqual(['Direction']);
  });
});
