// One axis operation: its name in the URL, its method, the fields its FAIL reply must still carry,
// and its handler (called after body reading, authentication and faults).
import type { AxisContext } from '../http/context.ts';

export interface Operation {
  name: string;
  method: 'GET' | 'POST';
  failExtras: Record<string, unknown>;
  handle(c: AxisContext): Promise<Response>;
}
