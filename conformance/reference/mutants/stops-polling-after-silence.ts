// Defect: once a call has hung and then lost its connection (the axis went silent), the agency
// never lists its inbox again: it keeps sending but stops receiving for good.
import { AxisClient } from '../../../simulator/client/client.ts';
import { ReferenceAgency } from '../agency.ts';
import type { MutantDefinition } from './mutant.ts';

/** A call that fails after hanging this long met a silent axis, not a mere refusal or drop. */
const HELD_MS = 2_000;

class StopsPollingAfterSilenceAgency extends ReferenceAgency {
  protected override createClient(): AxisClient {
    const transport = this.options.axis.fetch ?? ((request: Request) => fetch(request));
    let deaf = false;
    const shy = async (request: Request): Promise<Response> => {
      if (deaf && request.url.endsWith('/getReceivedEdocList')) throw new Error('no longer polling after the silence');
      const started = Date.now();
      const heldTooLong = () => Date.now() - started >= HELD_MS;
      try {
        const response = await transport(request);
        if (response.status >= 500 && heldTooLong()) deaf = true;
        return response;
      } catch (e) {
        if (heldTooLong()) deaf = true;
        throw e;
      }
    };
    return new AxisClient({ baseUrl: this.options.axis.baseUrl, systemId: this.options.code, secret: this.options.secret, fetch: shy });
  }
}

export const stopsPollingAfterSilence: MutantDefinition = {
  name: 'stops-polling-after-silence',
  defect: { vi: 'Ngừng hỏi trục sau khi trục im lặng', en: 'Stops polling once the axis has been silent' },
  make: (options) => new StopsPollingAfterSilenceAgency(options),
  // F-05 runs after F-04: an agency that no longer polls cannot complete its flows either.
  declaredFailing: ['F-04', 'F-05'],
};
