// Policy: besides the Java SDK's raw body, accept a genuine multipart/form-data upload whose part
// `file_doc` holds the packet (other clients have been seen doing it).

export type MultipartBody = { kind: 'raw' } | { kind: 'file'; bytes: Uint8Array } | { kind: 'invalid'; reason: string };

export async function readMultipart(contentType: string | undefined, body: Uint8Array): Promise<MultipartBody> {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return { kind: 'raw' };
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return { kind: 'invalid', reason: 'multipart body cannot be read' };
  }
  const file = form.get('file_doc');
  if (file === null) return { kind: 'invalid', reason: 'no file_doc part' };
  return { kind: 'file', bytes: typeof file === 'string' ? new TextEncoder().encode(file) : new Uint8Array(await file.arrayBuffer()) };
}
