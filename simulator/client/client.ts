// A TypeScript axis client that speaks like VNPT's Java SDK: a fixed timestamp taken when the
// client is created, logical headers carried over between calls, HashMap-ordered signed headers,
// the short hash-file rendering and a CRLF after the sendEdoc body. Options reproduce the other
// clients' variants. Used by tests, benchmarks and the conformance suite's reference agency.
import { shortHashFile, fullHashFile } from '../protocol/signing.ts';
import { formatSdkTimestamp } from '../protocol/time.ts';
import type {
  AgencyItem,
  AgencyQd20Item,
  CountReply,
  DownloadReply,
  Envelope,
  GetEdocReply,
  ListReply,
  ReceivedItem,
  SendReply,
  SentItem,
  SyncUnitItem,
} from './replies.ts';
import { signHeaders } from './sign.ts';

export interface AxisClientOptions {
  /** Base URL; operations are `<baseUrl>/<operation>`. */
  baseUrl: string;
  systemId: string;
  secret: string;
  /** Default: global fetch. Pass `(r) => axis.app.request(r)` to stay in-process. */
  fetch?: (request: Request) => Promise<Response> | Response;
  /** `docId` (Java SDK) or `docid` (seen in other clients). */
  docIdCasing?: 'docId' | 'docid';
  /** Keep logical headers from earlier calls, as a reused Java service object does (default true). */
  carryOver?: boolean;
  /** `short` (Java SDK, `%x` per byte) or `full` 64-hex. */
  hashRendering?: 'short' | 'full';
  /** Append CRLF after the sendEdoc body (Java SDK, default true). */
  crlfAfterBody?: boolean;
  order?: 'java' | 'insertion';
  /** Fixed timestamp source; default: now, taken once at creation like the Java SDK. */
  now?: () => Date;
}

export interface SendOptions {
  messagetype?: 'edoc' | 'status';
  servicetype?: string;
  /** Logical `from`; default the systemid. */
  from?: string;
  /** Optional `to` header text (JSON), as some clients send it. */
  to?: string;
}

/** The server could not be reached or did not answer with the envelope. */
export class AxisTransportError extends Error {
  constructor(
    readonly code: 'AXIS-CLIENT-NETWORK' | 'AXIS-CLIENT-REPLY',
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

export class AxisClient {
  private readonly carried = new Map<string, string>();
  private readonly timestamp: string;

  constructor(readonly options: AxisClientOptions) {
    this.timestamp = formatSdkTimestamp((options.now ?? (() => new Date()))());
  }

  private logical(extra: Record<string, string | undefined>): [string, string][] {
    const base = new Map<string, string>(this.options.carryOver === false ? [] : this.carried);
    base.set('systemid', this.options.systemId);
    base.set('timestamp', this.timestamp);
    for (const [name, value] of Object.entries(extra)) if (value !== undefined) base.set(name, value);
    if (this.options.carryOver !== false) for (const [name, value] of base) this.carried.set(name, value);
    return [...base.entries()];
  }

  private async call(
    operation: string,
    extra: Record<string, string | undefined>,
    body: Uint8Array | string | undefined,
    init: { method?: 'GET' | 'POST'; contentType?: string } = {},
  ): Promise<Response> {
    const headers = signHeaders(this.logical(extra), this.options.secret, { order: this.options.order });
    if (init.contentType) headers['Content-Type'] = init.contentType;
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}/${operation}`;
    const request = new Request(url, { method: init.method ?? 'POST', headers, body: init.method === 'GET' ? undefined : body });
    try {
      return await (this.options.fetch ?? fetch)(request);
    } catch (e) {
      throw new AxisTransportError('AXIS-CLIENT-NETWORK', `${operation}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private async json<T extends Envelope>(operation: string, response: Response): Promise<T> {
    const text = await response.text();
    try {
      const parsed = JSON.parse(text) as T;
      if (typeof parsed === 'object' && parsed !== null && typeof parsed.status === 'string') return parsed;
    } catch {
      // fall through: not the envelope
    }
    throw new AxisTransportError('AXIS-CLIENT-REPLY', `${operation}: HTTP ${response.status} without the JSON envelope`, response.status);
  }

  private async simple<T extends Envelope>(operation: string, extra: Record<string, string | undefined> = {}, body: string | Uint8Array | undefined = undefined): Promise<T> {
    return this.json<T>(operation, await this.call(operation, extra, body, { contentType: body === undefined ? undefined : 'application/json' }));
  }

  private docId(value: string): Record<string, string> {
    return { [this.options.docIdCasing ?? 'docId']: value };
  }

  getAgenciesList = () => this.simple<ListReply<AgencyItem>>('getAgenciesList');
  getAgenciesListQD20 = () => this.simple<ListReply<AgencyQd20Item>>('getAgenciesListQD20');
  getSynchronizeUnit = () => this.simple<ListReply<SyncUnitItem>>('getSynchronizeUnit');

  registerAgency = (agency: { id?: string; pcode: string; code: string; name: string; mail?: string; mobile?: string; fax?: string }) =>
    this.simple<Envelope>('registerAgency', {}, JSON.stringify({ id: '', mail: '', mobile: '', fax: '', ...agency }));

  deleteAgency = (code: string) => this.simple<Envelope>('deleteAgency', { AgencyCode: code }, '{}');

  async sendEdoc(packet: Uint8Array, options: SendOptions = {}): Promise<SendReply> {
    const hash = this.options.hashRendering === 'full' ? fullHashFile(packet) : shortHashFile(packet);
    const body = this.options.crlfAfterBody === false ? packet : Buffer.concat([packet, Buffer.from('\r\n')]);
    const response = await this.call(
      'sendEdoc',
      {
        from: options.from ?? this.options.systemId,
        servicetype: options.servicetype ?? 'eDoc',
        messagetype: options.messagetype ?? 'edoc',
        'hash-file': hash,
        to: options.to,
      },
      body,
      { contentType: 'application/octet-stream' },
    );
    return this.json<SendReply>('sendEdoc', response);
  }

  getReceivedEdocList = (options: { messagetype?: 'edoc' | 'status'; servicetype?: string; fromDate?: string; toDate?: string } = {}) =>
    this.simple<ListReply<ReceivedItem>>('getReceivedEdocList', {
      servicetype: options.servicetype ?? 'eDoc',
      messagetype: options.messagetype ?? 'edoc',
      fromDate: options.fromDate,
      toDate: options.toDate,
    });

  countReceiveEdoc = (messagetype: 'edoc' | 'status' = 'edoc') =>
    this.simple<CountReply>('countReceiveEdoc', { servicetype: 'eDoc', messagetype }, '{}');

  countReceiveStatus = () => this.simple<CountReply>('countReceiveStatus', {}, '{}');

  getEdoc = (receiverId: string) => this.simple<GetEdocReply>('getEdoc', this.docId(receiverId), '{}');

  async downloadEdoc(receiverId: string): Promise<DownloadReply> {
    const response = await this.call('downloadEdoc', this.docId(receiverId), undefined, { method: 'GET' });
    if ((response.headers.get('content-type') ?? '').includes('json')) return { ok: false, envelope: await this.json('downloadEdoc', response) };
    if (!response.ok) throw new AxisTransportError('AXIS-CLIENT-REPLY', `downloadEdoc: HTTP ${response.status}`, response.status);
    return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  updateStatus = (receiverId: string, status: 'done' | 'fail' | 'processing', description?: string) =>
    this.simple<Envelope>('updateStatus', { ...this.docId(receiverId), status, description }, '{}');

  getSentEdocList = (senderId: string, messagetype: 'edoc' | 'status' = 'edoc') =>
    this.simple<ListReply<SentItem>>('getSentEdocList', { servicetype: 'eDoc', messagetype, ...this.docId(senderId) });
}
