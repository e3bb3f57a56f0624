// Axis times are Vietnam local time (UTC+7, no daylight saving) whatever the machine's zone.
import { VIETNAM_OFFSET_MS as VN_OFFSET_MS } from '../../edxml/dates.ts';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function vnParts(date: Date) {
  const d = new Date(date.getTime() + VN_OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
  };
}

/** `yyyy-MM-dd HH:mm:ss`, the list replies' format (*policy*: the real one is not public). */
export function formatAxisTime(date: Date): string {
  // Plain integer arithmetic (civil-from-days): list replies format two of these per item, and
  // Date-based formatting was the largest cost of a busy getReceivedEdocList.
  const seconds = Math.floor((date.getTime() + VN_OFFSET_MS) / 1000);
  const days = Math.floor(seconds / 86400);
  const secondOfDay = seconds - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const h = Math.floor(secondOfDay / 3600);
  const mi = Math.floor((secondOfDay % 3600) / 60);
  return `${y}-${pad(m)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(secondOfDay % 60)}`;
}

/** The Java SDK's signed `timestamp`: `ddMMyyyy'T'HHmmss+SSSS` (milliseconds padded to 4 digits). */
export function formatSdkTimestamp(date: Date): string {
  const p = vnParts(date);
  return `${pad(p.d)}${pad(p.mo)}${p.y}T${pad(p.h)}${pad(p.mi)}${pad(p.s)}+${pad(p.ms, 4)}`;
}

function fromVnParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Date | undefined {
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms) - VN_OFFSET_MS;
  const back = vnParts(new Date(t));
  // Reject impossible dates (31/02) instead of letting Date roll them over.
  if (back.y !== y || back.mo !== mo || back.d !== d || back.h !== h || back.mi !== mi || back.s !== s) return undefined;
  return new Date(t);
}

export function parseSdkTimestamp(text: string): Date | undefined {
  const m = /^(\d{2})(\d{2})(\d{4})T(\d{2})(\d{2})(\d{2})\+(\d{4})$/.exec(text);
  if (!m) return undefined;
  const [, d, mo, y, h, mi, s, ms] = m.map(Number);
  return ms > 999 ? undefined : fromVnParts(y, mo, d, h, mi, s, ms);
}

/**
 * `fromDate` / `toDate` filters: `dd/MM/yyyy HH:mm:ss` or `yyyy/MM/dd` (a date alone means the
 * whole day: its start for `fromDate`, its end for `toDate`).
 */
export function parseFilterDate(text: string, end: boolean): Date | undefined {
  const full = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (full) {
    const [, d, mo, y, h, mi, s] = full.map(Number);
    return fromVnParts(y, mo, d, h, mi, s, end ? 999 : 0);
  }
  const day = /^(\d{4})\/(\d{2})\/(\d{2})$/.exec(text.trim());
  if (day) {
    const [, y, mo, d] = day.map(Number);
    return end ? fromVnParts(y, mo, d, 23, 59, 59, 999) : fromVnParts(y, mo, d);
  }
  return undefined;
}
