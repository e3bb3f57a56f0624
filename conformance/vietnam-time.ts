// Reports print times in Vietnam time (UTC+7, no daylight saving) whatever the machine's zone, so
// a certifier reads the same clock as the packets (packet dates themselves: edxml/dates.ts).
import { vietnamWallClock as shifted } from '../edxml/dates.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 with the +07:00 offset, milliseconds kept: `2026-11-22T10:15:00.000+07:00`. */
export function vietnamIso(d: Date): string {
  return `${shifted(d).toISOString().slice(0, -1)}+07:00`;
}

/** `yyyyMMdd-HHmmss` in Vietnam: run ids and default output folder names. */
export function vietnamStamp(d: Date): string {
  const v = shifted(d);
  return `${v.getUTCFullYear()}${pad(v.getUTCMonth() + 1)}${pad(v.getUTCDate())}-${pad(v.getUTCHours())}${pad(v.getUTCMinutes())}${pad(v.getUTCSeconds())}`;
}
