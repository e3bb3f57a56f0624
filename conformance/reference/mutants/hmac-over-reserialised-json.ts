// Defect: the component that follows sent documents computes the HMAC over its own re-serialisation
// of the signed header JSON (keys in another order) instead of the exact bytes it sends, so the
// axis's check of XroadVnpt-hash-header fails for every getSentEdocList.
import { AxisClient } from '../../../simulator/client/client.ts';
import { HASH_HEADER, SIGN_HEADER, hmacHex } from '../../../simulator/protocol/signing.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

class HmacOverReserialisedAgency extends ReferenceAgency {
  private followClient?: AxisClient;

  private follower(): AxisClient {
    const options = this.client.options;
    const send = options.fetch ?? ((request: Request) => fetch(request));
    this.followClient ??= new AxisClient({
      ...options,
      fetch: (request: Request) => {
        const signed = request.headers.get(SIGN_HEADER);
        if (signed) {
          const json = Buffer.from(signed, 'latin1').toString('utf8');
          const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(json) as Record<string, string>).reverse()));
          request.headers.set(HASH_HEADER, hmacHex(Buffer.from(reordered, 'utf8'), this.options.secret));
        }
        return send(request);
      },
    });
    return this.followClient;
  }

  protected override async followSentDocuments(): Promise<void> {
    for (const sent of this.ledger.sent.values()) {
      if (sent.senderId) await this.follower().getSentEdocList(sent.senderId).catch(() => undefined);
    }
  }
}

export const hmacOverReserialisedJson: MutantDefinition = {
  name: 'hmac-over-reserialised-json',
  defect: {
    vi: 'Tính HMAC trên JSON tiêu đề ký đã được tuần tự hoá lại (đổi thứ tự khoá), không phải trên đúng chuỗi đã gửi',
    en: 'Computes the HMAC over re-serialised signed-header JSON (keys reordered), not over the exact text sent',
  },
  make: (options) => new HmacOverReserialisedAgency(options),
  declaredFailing: ['T-01'],
};
