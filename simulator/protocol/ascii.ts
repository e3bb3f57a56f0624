// ErrorDesc, status_desc and the other reply texts must be ASCII: the Java client decodes replies
// as US-ASCII. Vietnamese is folded to its unaccented form (đ → d), anything else left becomes `?`.

export function toAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '?');
}
