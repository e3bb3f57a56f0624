// Shared test material for the simulator's tests and benchmarks: an in-process axis with two
// connected provinces and Java-SDK-like clients, and realistic packets between them.
import { buildPacket } from '../../edxml/build.ts';
import { composeEdoc, composeStatus, responseForDocument, type EdocInput } from '../../edxml/compose.ts';
import type { EdocPacket } from '../../edxml/types.ts';
import { createAxis, type Axis, type CreateAxisOptions } from '../axis.ts';
import { AxisClient, type AxisClientOptions } from '../client/client.ts';
import { seedDirectory } from '../directory/seed.ts';

export const NGHE_AN = { systemId: '000.00.00.H41', secret: 'bi-mat-nghe-an' };
export const TAY_NINH = { systemId: '000.00.00.H53', secret: 'bi-mat-tay-ninh' };

export async function testAxis(options: CreateAxisOptions = {}): Promise<Axis> {
  return createAxis({ directory: await seedDirectory(), systems: [NGHE_AN, TAY_NINH], controlToken: 'test-token', ...options });
}

export function inProcessClient(axis: Axis, system: { systemId: string; secret: string }, options: Partial<AxisClientOptions> = {}): AxisClient {
  return new AxisClient({
    baseUrl: `http://axis.test${axis.prefix === '/' ? '' : axis.prefix}`,
    fetch: (request) => axis.app.request(request),
    ...system,
    ...options,
  });
}

let serial = 0;

export function sampleEdoc(overrides: Partial<EdocInput> = {}): EdocPacket {
  serial += 1;
  return composeEdoc({
    from: { organId: NGHE_AN.systemId, organName: 'UBND tỉnh Nghệ An' },
    to: [{ organId: TAY_NINH.systemId, organName: 'UBND tỉnh Tây Ninh' }],
    codeNumber: String(100 + serial),
    codeNotation: 'UBND-VX',
    promulgationDate: '2026/11/20',
    subject: 'Về việc thử nghiệm liên thông văn bản',
    signer: { competence: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', fullName: 'Nguyễn Văn A' },
    attachments: [{ name: 'cong-van.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('Nội dung công văn') }],
    ...overrides,
  });
}

export const edocBytes = (overrides: Partial<EdocInput> = {}): Uint8Array => buildPacket(sampleEdoc(overrides));

export function statusBytes(doc: EdocPacket, from: string, statusCode: string): Uint8Array {
  return buildPacket(
    composeStatus({
      from: { organId: from, organName: 'Văn thư' },
      responseFor: responseForDocument(doc),
      statusCode,
      description: statusCode === '02' ? 'Sai thể thức' : undefined,
      timestamp: '2026/11/20 09:00:00',
      staffInfo: { department: 'Văn phòng', staff: 'Trần Thị B', mobile: '0912345678', email: 'vanthu@truc.test' },
    }),
  );
}
