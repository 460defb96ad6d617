// Reading a request body no larger than a limit, and no further than the limit. A declared
// Content-Length over the limit is refused before a byte is read; a body without one (chunked) is
// counted as it streams in and abandoned at the first chunk past the limit. So at most `limit`
// bytes (plus one chunk) are ever held, whatever the client sends.

export type BoundedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: "too-large" | "bad-length" };

export async function readBoundedBody(request: Request, limit: number): Promise<BoundedBody> {
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    if (!/^\d+$/.test(declared.trim())) return { ok: false, reason: "bad-length" };
    if (Number(declared) > limit) {
      await request.body?.cancel().catch(() => undefined);
      return { ok: false, reason: "too-large" };
    }
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too-large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
