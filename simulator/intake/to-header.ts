// The optional `to` header in the shapes real clients send: a JSON array of codes, a JSON array of
// `{OrganId}` objects, or one quoted string. It is only compared with the packet, never obeyed.

/** The codes the header names, or undefined when it cannot be read. */
export function parseToHeader(value: string): string[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    // A bare code (no quotes) is seen too.
    return /^[0-9A-Za-z.\-]+$/.test(value.trim()) ? [value.trim()] : undefined;
  }
  if (typeof parsed === 'string') return [parsed.trim()];
  if (!Array.isArray(parsed)) return undefined;
  const codes: string[] = [];
  for (const item of parsed) {
    if (typeof item === 'string') codes.push(item.trim());
    else if (typeof item === 'object' && item !== null && typeof (item as Record<string, unknown>).OrganId === 'string') {
      codes.push(((item as Record<string, unknown>).OrganId as string).trim());
    } else return undefined;
  }
  return codes;
}
