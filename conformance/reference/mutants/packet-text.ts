// Mutants that damage what the reference agency writes work on the packet text: the defect is in
// the bytes a careless system would put on the wire, not in the agency's logic.
export function rewritePacketText(bytes: Uint8Array, rewrite: (text: string) => string): Uint8Array {
  return new Uint8Array(Buffer.from(rewrite(Buffer.from(bytes).toString('utf8')), 'utf8'));
}
