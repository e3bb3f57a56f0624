// Defect: sends documents without its own TraceHeader (the TraceHeaderList is left empty).
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';
import { rewritePacketText } from './packet-text.ts';

class NoTraceHeaderAgency extends ReferenceAgency {
  protected override signPacketBytes(bytes: Uint8Array): Uint8Array {
    return super.signPacketBytes(rewritePacketText(bytes, (text) => text.replace(/<(?:[\w.-]+:)?TraceHeader>[\s\S]*?<\/(?:[\w.-]+:)?TraceHeader>\s*/g, '')));
  }
}

export const noTraceHeader: MutantDefinition = {
  name: 'no-trace-header',
  defect: { vi: 'Gói tin gửi đi không có TraceHeader của chính đơn vị', en: 'Sent documents carry no TraceHeader of the sender' },
  make: (options) => new NoTraceHeaderAgency(options),
  declaredFailing: ['S-05'],
};
