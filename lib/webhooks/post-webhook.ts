import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { WebhookTarget } from "./safe-target";

// One HTTP POST of a webhook, to the address checked beforehand (safe-target.ts): the
// connection's lookup answers with that address only, while the TLS name check and the
// Host header keep the URL's host name. Redirects are not followed (a 3xx is a failure:
// following one would reach an address nobody checked), and the whole exchange has
// TIMEOUT_MS to finish.

export const TIMEOUT_MS = 10_000;
/** What is read of an answer's body before it is dropped: nothing of it is kept. */
const MAX_BODY_BYTES = 64 * 1024;

export interface PostResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** What a 429 or 503 asked for in Retry-After. */
  retryAfterMs?: number;
}

export function postWebhook(
  target: WebhookTarget,
  { headers, body, timeoutMs = TIMEOUT_MS, now = Date.now() }: { headers: Record<string, string>; body: string; timeoutMs?: number; now?: number },
): Promise<PostResult> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: took() });
    };
    const request = client.request(target.url, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      lookup: pinned,
      agent: false,
    });
    const timer = setTimeout(() => {
      finish({ statusCode: null, error: `No answer within ${timeoutMs / 1000} s` });
      request.destroy();
    }, timeoutMs);
    request.on("error", (error) => finish({ statusCode: null, error: describe(error) }));
    request.on("response", (response) => {
      const statusCode = response.statusCode ?? 0;
      const retryAfterMs = statusCode === 429 || statusCode === 503 ? parseRetryAfter(response.headers["retry-after"], now) : undefined;
      const done = () => finish({ statusCode, error: null, ...(retryAfterMs !== undefined && { retryAfterMs }) });
      let read = 0;
      response.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_BODY_BYTES) {
          done();
          response.destroy();
        }
      });
      response.on("end", done);
      response.on("error", done);
    });
    request.end(body);
  });
}

function describe(error: Error & { code?: string }): string {
  if (error.code === "ECONNREFUSED") return "Connection refused";
  if (error.code === "ECONNRESET") return "Connection reset";
  if (error.code?.startsWith("ERR_TLS") || error.code?.includes("CERT")) return `TLS error: ${error.message}`;
  return error.message.slice(0, 200);
}

/** Retry-After in seconds or as an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
