import { AppError } from "./app-error";

// A JSON request body, read with care: only as JSON, and never past a small cap.
//
// - Content-Type must be application/json. A page on another site can make a visitor's
//   browser send a form or text/plain body anywhere without asking first; a JSON body
//   needs the browser to ask (a CORS preflight), which our preflight does not grant.
// - The body is streamed and reading stops at the cap: a Content-Length that is missing
//   (chunked) or lies cannot make the server hold more than the cap. A declared length
//   past the cap is refused before a byte is read.

/** Far more than any signature needs (the longest is about 2 KB of text). */
export const JSON_BODY_MAX_BYTES = 16 * 1024;

export const unsupportedMediaType = () =>
  new AppError("unsupported_media_type", 415);

export const bodyTooLarge = (maxBytes: number) =>
  new AppError("body_too_large", 413, { values: { kilobytes: Math.floor(maxBytes / 1024) } });

const invalidJson = (problem: "syntax" | "object") => new AppError("invalid_json", 400, { values: { problem } });

/** The request's body as a JSON object; an AppError (415, 413 or 400) otherwise. */
export async function readJsonObject(request: Request, { maxBytes = JSON_BODY_MAX_BYTES } = {}): Promise<Record<string, unknown>> {
  const mediaType = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/json") throw unsupportedMediaType();
  const declared = Number(request.headers.get("content-length"));
  if (declared > maxBytes) throw bodyTooLarge(maxBytes);

  const bytes = await readAtMost(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw invalidJson("syntax");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalidJson("object");
  return body as Record<string, unknown>;
}

/** The body's bytes, or a 413 as soon as they pass `maxBytes` (the rest is never read). */
async function readAtMost(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw bodyTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
