// Defect (T-03): take-back requests (13) are written out with a trailing newline after hash-file
// was computed, so the body no longer matches it and the axis refuses them.
import { AxisClient } from '../../../simulator/client/client.ts';
import { parsePacket } from '../../../edxml/parse.ts';
import { ReferenceAgency } from '../agency.ts';
import type { OutboxItem, SendAttempt } from '../outbox.ts';
import type { MutantDefinition } from './mutant.ts';

class HashBeforeNewlineAgency extends ReferenceAgency {
  protected override async transmit(item: OutboxItem): Promise<SendAttempt> {
    const packet = parsePacket(item.bytes).packet;
    if (packet?.kind !== 'status' || packet.header.statusCode !== '13') return super.transmit(item);
    const base = this.client.options.fetch ?? fetch;
    const appending = new AxisClient({
      ...this.client.options,
      crlfAfterBody: false,
      fetch: async (request) => {
        const body = new Uint8Array(await request.arrayBuffer());
        return base(new Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat([body, Buffer.from('\n\r\n')]) }));
      },
    });
    try {
      const reply = await appending.sendEdoc(item.bytes, { messagetype: item.messagetype, from: this.ownCode() });
      return reply.status === 'OK' ? { kind: 'stored', senderId: reply.DocId } : { kind: 'refused', errorCode: reply.ErrorCode, errorDesc: reply.ErrorDesc };
    } catch (e) {
      return { kind: 'no-answer', detail: e instanceof Error ? e.message : String(e) };
    }
  }
}

export const hashBeforeNewline: MutantDefinition = {
  name: 'hash-before-newline',
  defect: {
    vi: 'Yêu cầu lấy lại (13) được thêm dấu xuống dòng sau khi tính hash-file',
    en: 'Take-back requests (13) get a newline appended after hash-file was computed',
  },
  make: (options) => new HashBeforeNewlineAgency(options),
  // Collateral: B-06 waits for the 13 the axis now refuses.
  declaredFailing: ['T-03', 'B-06'],
};
