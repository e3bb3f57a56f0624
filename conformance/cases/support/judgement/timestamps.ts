// Whether a timestamp the SUT wrote is plausible: edXML timestamps are Vietnam local time (UTC+7)
// with no zone (QCVN 102:2016), and one written now must lie within 10 minutes of the axis's
// receipt (docs/conformance.md, "Time"). One rule for TraceHeader (S-05) and status Timestamp (ST-07).
import { parseVietnamTimestamp, VIETNAM_OFFSET_MS } from '../../../../edxml/dates.ts';

export const PLAUSIBLE_MS = 10 * 60 * 1000;

/** Within 10 minutes of `receivedAt`, read as Vietnam time. */
export function plausibleTimestamp(timestamp: string | undefined, receivedAt: Date): boolean {
  const t = parseVietnamTimestamp(timestamp?.trim() ?? '');
  return t !== undefined && Math.abs(t.getTime() - receivedAt.getTime()) <= PLAUSIBLE_MS;
}

/** Why a timestamp is not plausible, in a few words per language (the 7-hour shift of UTC named as such). */
export function implausibility(timestamp: string | undefined, receivedAt: Date): { vi: string; en: string } {
  const t = parseVietnamTimestamp(timestamp?.trim() ?? '');
  if (!t) return { vi: 'không đúng dạng yyyy/MM/dd HH:mm:ss', en: 'not of the form yyyy/MM/dd HH:mm:ss' };
  const offset = t.getTime() - receivedAt.getTime();
  if (Math.abs(offset + VIETNAM_OFFSET_MS) <= PLAUSIBLE_MS) return { vi: 'chậm 7 giờ: giờ UTC thay vì giờ Việt Nam', en: '7 h behind: UTC instead of Vietnam time' };
  const minutes = Math.round(offset / 60_000);
  return minutes < 0
    ? { vi: `sớm hơn lúc trục nhận ${-minutes} phút`, en: `${-minutes} min before the axis received it` }
    : { vi: `muộn hơn lúc trục nhận ${minutes} phút`, en: `${minutes} min after the axis received it` };
}
