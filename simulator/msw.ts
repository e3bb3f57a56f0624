// msw handler sets backed by the simulator core, so a vendor's Node tests can run against the
// simulated axis with no server: behaviour as data, one named array per capability to spread,
// override or reset. Exported as `truc/msw`.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { createAxis, type Axis, type CreateAxisOptions } from './axis.ts';
import { DROP_HEADER } from './http/faults.ts';

export interface MswAxisOptions extends CreateAxisOptions {
  /** The base URL the system under test is configured with, e.g. `https://axis.test/XrdAdapter/adapter`. */
  baseUrl: string;
}

export interface MswAxis {
  axis: Axis;
  /** getAgenciesList, getAgenciesListQD20, getSynchronizeUnit, registerAgency, deleteAgency. */
  directory: HttpHandler[];
  /** sendEdoc, getSentEdocList. */
  sending: HttpHandler[];
  /** getReceivedEdocList, countReceiveEdoc, countReceiveStatus, getEdoc, downloadEdoc, updateStatus. */
  receiving: HttpHandler[];
  /** The control API (systems, injection, journal, faults, trust) under its prefix. */
  control: HttpHandler[];
  /** Everything above. */
  all: HttpHandler[];
}

const DIRECTORY = ['getAgenciesList', 'getAgenciesListQD20', 'getSynchronizeUnit', 'registerAgency', 'deleteAgency'];
const SENDING = ['sendEdoc', 'getSentEdocList'];
const RECEIVING = ['getReceivedEdocList', 'countReceiveEdoc', 'countReceiveStatus', 'getEdoc', 'updateStatus'];

/** Creates a simulated axis (prefix taken from `baseUrl`) and its msw handlers. */
export async function createMswAxis(options: MswAxisOptions): Promise<MswAxis> {
  const base = new URL(options.baseUrl);
  const axis = await createAxis({ ...options, prefix: base.pathname });
  const root = `${base.origin}${axis.prefix === '/' ? '' : axis.prefix}`;

  const forward = async ({ request }: { request: Request }) => {
    const response = await axis.app.fetch(request);
    return response.headers.get(DROP_HEADER) ? HttpResponse.error() : response;
  };
  const posts = (names: string[]) => names.map((name) => http.post(`${root}/${name}`, forward));

  const directory = posts(DIRECTORY);
  const sending = posts(SENDING);
  const receiving = [...posts(RECEIVING), http.get(`${root}/downloadEdoc`, forward)];
  const control = [http.all(`${base.origin}${axis.controlPrefix}/*`, forward)];
  return { axis, directory, sending, receiving, control, all: [...directory, ...sending, ...receiving, ...control] };
}
