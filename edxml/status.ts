// Status codes and the pure check of a sequence of statuses for one
// (document, recipient) pair: the processing track 01 → (02 | 03) → 04 → 05* → 06, and the
// business track where a revocation / update / replacement packet or a 13 is answered by 15 or 16.
import type { Finding } from './finding.ts';
import { PATH } from './layout.ts';
import { report } from './rule.ts';
import { statusRules } from './rules.ts';

export type StatusDirection = 'recipient-to-issuer' | 'issuer-to-recipient';

export interface StatusCodeInfo {
  code: string;
  direction: StatusDirection;
  /** processing: the recipient's handling of the document; business: answers to business requests. */
  track: 'processing' | 'business';
  vi: string;
  en: string;
  /** ASCII description, for the Description element and logs that cannot carry Vietnamese. */
  ascii: string;
}

export const STATUS_CODES: readonly StatusCodeInfo[] = [
  { code: '01', direction: 'recipient-to-issuer', track: 'processing', vi: 'Đã đến', en: 'Received by the system, not yet handled', ascii: 'Da den' },
  { code: '02', direction: 'recipient-to-issuer', track: 'processing', vi: 'Từ chối tiếp nhận', en: 'Rejected', ascii: 'Tu choi tiep nhan' },
  { code: '03', direction: 'recipient-to-issuer', track: 'processing', vi: 'Đã tiếp nhận', en: 'Accepted and registered', ascii: 'Da tiep nhan' },
  { code: '04', direction: 'recipient-to-issuer', track: 'processing', vi: 'Phân công', en: 'Assigned for handling', ascii: 'Phan cong' },
  { code: '05', direction: 'recipient-to-issuer', track: 'processing', vi: 'Đang xử lý', en: 'In progress', ascii: 'Dang xu ly' },
  { code: '06', direction: 'recipient-to-issuer', track: 'processing', vi: 'Hoàn thành', en: 'Handling finished', ascii: 'Hoan thanh' },
  { code: '13', direction: 'issuer-to-recipient', track: 'business', vi: 'Yêu cầu lấy lại', en: 'The issuer asks to take the document back', ascii: 'Yeu cau lay lai' },
  { code: '15', direction: 'recipient-to-issuer', track: 'business', vi: 'Đồng ý cập nhật/lấy lại/thu hồi', en: 'Agrees to an update / take-back / revocation', ascii: 'Dong y cap nhat/lay lai/thu hoi' },
  { code: '16', direction: 'recipient-to-issuer', track: 'business', vi: 'Từ chối cập nhật/lấy lại/thu hồi', en: 'Refuses an update / take-back / revocation', ascii: 'Tu choi cap nhat/lay lai/thu hoi' },
];

const BY_CODE = new Map(STATUS_CODES.map((c) => [c.code, c]));

export const statusCodeInfo = (code: string): StatusCodeInfo | undefined => BY_CODE.get(code);

/** `1` → `01`: some senders drop the leading zero; everything else is returned as written. */
export const normalizeStatusCode = (code: string): string => (/^[0-9]$/.test(code) ? `0${code}` : code);

/** A status sent for the (document, recipient) pair. */
export interface StatusEvent {
  statusCode: string;
  /** `yyyy/MM/dd HH:mm:ss` */
  timestamp?: string;
  /** Where to report findings about this event; defaults to the StatusCode element path. */
  path?: string;
}

/** A revocation (1) / update (2) / replacement (3) packet sent to the recipient about the document. */
export interface BusinessRequest {
  businessDocType: '1' | '2' | '3';
  timestamp?: string;
}

export type StatusTrackEvent = StatusEvent | BusinessRequest;

/** Processing codes allowed after each state; `start` is before any status. 02 and 06 end the track. */
const NEXT: Record<string, readonly string[]> = {
  start: ['01', '02'],
  '01': ['02', '03'],
  '03': ['04', '05', '06'],
  '04': ['05', '06'],
  '05': ['05', '06'],
  '02': [],
  '06': [],
};
const FINAL = new Set(['02', '06']);
const TIMESTAMP = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/;

/** Checks statuses, in the order they were sent, against the processing and business tracks. */
export function checkStatusSequence(events: readonly StatusTrackEvent[]): Finding[] {
  const findings: Finding[] = [];
  let state = 'start';
  let pendingRequests = 0;
  let lastTimestamp: string | undefined;
  for (const event of events) {
    if ('businessDocType' in event) {
      pendingRequests++;
      continue;
    }
    const path = event.path ?? `${PATH.messageHeader}/StatusCode`;
    const code = normalizeStatusCode(event.statusCode);
    const info = statusCodeInfo(code);
    if (event.timestamp !== undefined && TIMESTAMP.test(event.timestamp)) {
      if (lastTimestamp !== undefined && event.timestamp < lastTimestamp) {
        findings.push(report(statusRules.backwards, path, { value: event.timestamp, previous: lastTimestamp }));
      }
      lastTimestamp = event.timestamp;
    }
    if (!info) {
      findings.push(report(statusRules.unknownCode, path, { value: event.statusCode }));
      continue;
    }
    if (code === '13') {
      pendingRequests++;
    } else if (info.track === 'business') {
      if (pendingRequests === 0) findings.push(report(statusRules.unrequestedAnswer, path, { code }));
      else pendingRequests--;
    } else if (FINAL.has(state)) {
      findings.push(report(statusRules.afterEnd, path, { code, previous: state }));
    } else if (!NEXT[state].includes(code)) {
      findings.push(report(statusRules.transition, path, { code, previous: state === 'start' ? '(none)' : state }));
    } else {
      state = code;
    }
  }
  return findings;
}
