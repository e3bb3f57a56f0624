// Typed replies of the axis operations (field names and casing exactly as on the wire).

export interface Envelope {
  status: 'OK' | 'FAIL';
  ErrorCode: string;
  ErrorDesc: string;
}

export interface AgencyItem {
  id: string;
  pid: string;
  code: string;
  name: string;
  mail: string;
  oldCode: string;
}

export interface AgencyQd20Item {
  id: string;
  code: string;
  name: string;
  mail: string;
  code102: string;
}

export interface SyncUnitItem {
  id: string;
  pid: string;
  code: string;
  name: string;
  mail: string;
  version: number;
  centerCode: string;
  deleted: boolean;
  modifyDate: string;
  isAgency: boolean;
}

export interface ReceivedItem {
  docId: string;
  serviceType: string;
  messageType: string;
  created_time: string;
  updated_time: string;
  from: string;
  to: string;
  status: string;
  status_desc: string;
}

export interface SentItem {
  serviceType: string;
  messageType: string;
  senderDocId: string;
  receiverDocId: string;
  fromCode: string;
  toCode: string;
  title: string;
  notation: string;
  sentTime: string;
  receivedTime: string;
  sendStatus: string;
  sendStatusDesc: string;
  receiveStatus: string;
  receiveStatusDesc: string;
}

export type ListReply<T> = Envelope & { data: T[] };
export type SendReply = Envelope & { DocId: string };
export type CountReply = Envelope & { count?: number };
export type GetEdocReply = Envelope & { data: string };

/** downloadEdoc: the packet bytes on success, the envelope on failure. */
export type DownloadReply = { ok: true; bytes: Uint8Array } | { ok: false; envelope: Envelope };
