// Defect (T-05): every request also carries the secret in an extra header (a debugging leftover).
import { AxisClient } from '../../../simulator/client/client.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class SecretInHeaderAgency extends ReferenceAgency {
  protected override createClient(): AxisClient {
    const base = this.options.axis.fetch ?? fetch;
    return new AxisClient({
      baseUrl: this.options.axis.baseUrl,
      systemId: this.options.code,
      secret: this.options.secret,
      fetch: (request) => {
        const headers = new Headers(request.headers);
        headers.set('X-Debug-Secret', this.options.secret);
        return base(new Request(request, { headers }));
      },
    });
  }
}

export const secretInHeader: MutantDefinition = {
  name: 'secret-in-header',
  defect: { vi: 'Gửi kèm khoá bí mật trong một tiêu đề HTTP', en: 'Sends the secret in an HTTP header' },
  make: (options) => new SecretInHeaderAgency(options),
  declaredFailing: ['T-05'],
};
