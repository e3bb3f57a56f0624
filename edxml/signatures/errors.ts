// Errors of the signing functions: a stable code and one bilingual sentence, so the CLI can print
// them as they are and callers can branch on the code.

export class SignatureError extends Error {
  constructor(
    readonly code: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${code}: ${en}`);
    this.name = 'SignatureError';
  }
}
