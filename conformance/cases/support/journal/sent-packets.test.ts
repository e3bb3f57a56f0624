import { describe, expect, it } from 'vitest';
import { buildPacket } from '../../../../edxml/build.ts';
import { composeEdoc } from '../../../../edxml/compose.ts';
import { samplePdf } from '../../../../edxml/signatures/sample-pdf.ts';
import { createFakeAxis } from '../../../testing/fake-axis.ts';
import { sentEdocHeader } from './sent-packets.ts';

const CAP = 64 * 1024;

const packet = (pdfBytes: number) =>
  buildPacket(
    composeEdoc({
      from: '000.00.00.H41',
      to: ['000.01.01.G99', '000.01.02.G99'],
      codeNumber: '7001',
      codeNotation: 'S06-HT',
      promulgationDate: '2026/11/22',
      subject: 'Thu hồi',
      timestamp: '2026/11/22 10:00:00',
      business: { bussinessDocType: '1', documentId: '000.00.00.H41,2026/11/22,7000/S06-HT' },
      attachments: [{ name: 'cong-van.pdf', contentType: 'application/pdf', bytes: samplePdf({ minBytes: pdfBytes }) }],
    }),
  );

const journaled = (bytes: Uint8Array) =>
  createFakeAxis().record({ operation: 'sendEdoc', bodyExcerpt: bytes.slice(0, CAP), bodyLength: bytes.byteLength });

describe('sentEdocHeader', () => {
  it('reads the header of a packet the journal cut at its excerpt cap', () => {
    const bytes = packet(200_000);
    expect(bytes.byteLength).toBeGreaterThan(CAP);
    const read = sentEdocHeader(journaled(bytes));
    expect(read?.header.to.map((o) => o.organId)).toEqual(['000.01.01.G99', '000.01.02.G99']);
    expect(read?.traceHeaders).toEqual([{ organId: '000.00.00.H41', timestamp: '2026/11/22 10:00:00' }]);
    expect(read?.business?.documentId).toBe('000.00.00.H41,2026/11/22,7000/S06-HT');
    expect(read?.header.code).toEqual({ codeNumber: '7001', codeNotation: 'S06-HT' });
  });

  it('reads a whole packet as it is, attachments included', () => {
    const read = sentEdocHeader(journaled(packet(0)));
    expect(read?.attachments).toHaveLength(1);
  });

  it('gives nothing when even the header was cut, or there is no body', () => {
    const bytes = packet(0);
    const cut = createFakeAxis().record({ operation: 'sendEdoc', bodyExcerpt: bytes.slice(0, 300), bodyLength: bytes.byteLength });
    expect(sentEdocHeader(cut)).toBeUndefined();
    expect(sentEdocHeader(createFakeAxis().record({ operation: 'sendEdoc' }))).toBeUndefined();
  });
});
