import crypto from "node:crypto";
import { ZodError } from "zod";
import type { ErrorBody } from "../api/schemas";
import { expectedError } from "./app-error";
import { DEFAULT_LANGUAGE } from "../i18n/languages";
import { negotiateLanguage } from "../i18n/negotiate-language";
import { errorTranslators } from "../i18n/error-translators";
import { ENGLISH_ERRORS, translateError, type ErrorTranslators } from "../i18n/translate-error";
import { signatureFieldErrors } from "../validation/signature";

// Response helpers for the JSON API. Every error body has the contract's shape:
// { "error": { "code", "message", "fields"? } }.

/** CORS for answers: any origin may read them, ETag and Retry-After included. */
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Retry-After",
};

/**
 * CORS for a preflight only: the methods, headers and lifetime mean nothing elsewhere.
 * Other sites may read public data, and revalidate it by ETag; they may not send JSON
 * (Content-Type is not allowed), so a page elsewhere cannot sign in its visitors' names
 * from their browsers and their addresses. Servers, which need no CORS, still can.
 */
const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match",
  "Access-Control-Max-Age": "86400",
};

/** The error's answer; its words in the translators' language (English unless they are given). */
export function errorResponse(error: unknown, t: ErrorTranslators = ENGLISH_ERRORS): Response {
  if (error instanceof ZodError) {
    return json(
      { error: { code: "invalid_input", message: t.validation("fixFieldsShort"), fields: signatureFieldErrors(error, t.validation) } } satisfies ErrorBody,
      { status: 422 },
    );
  }
  const expected = expectedError(error);
  if (expected) {
    const { message, fields } = translateError(expected, t);
    const body = { code: expected.code, message, ...(fields ? { fields } : {}) };
    return json({ error: body } satisfies ErrorBody, { status: expected.status, headers: expected.headers });
  }
  console.error("unexpected error in API route", error);
  return json({ error: { code: "internal_error", message: t.errors("internal_error") } } satisfies ErrorBody, { status: 500 });
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "Content-Type": "application/json; charset=utf-8", ...CORS_HEADERS, ...init.headers },
  });
}

/** A public answer's bytes with their strong ETag, computed once and served many times. */
export interface Representation {
  /** The body encoded once: a string body would be encoded again on every request. */
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
  contentType: string;
}

export function representation(body: string | Uint8Array<ArrayBuffer>, contentType = "application/json; charset=utf-8"): Representation {
  const bytes = typeof body === "string" ? (new TextEncoder().encode(body) as Uint8Array<ArrayBuffer>) : body;
  return { bytes, etag: `"${crypto.createHash("sha1").update(bytes).digest("base64url")}"`, contentType };
}

/**
 * A public, cacheable JSON answer: a strong ETag from the body, 304 when the client
 * already has it, and a short Cache-Control so browsers and CDNs share the load.
 */
export function cachedJson(request: Request, body: unknown, cacheControl: string): Response {
  return cachedResponse(request, representation(JSON.stringify(body)), cacheControl);
}

/** Like cachedJson, for a representation prepared ahead (a hot route keeps it in memory). */
export function cachedResponse(
  request: Request,
  representation: Representation,
  cacheControl: string,
  extraHeaders: Record<string, string> = {},
): Response {
  return representationResponse(request, representation, { ...CORS_HEADERS, "Cache-Control": cacheControl, ...extraHeaders });
}

/** A representation for this request: 304 when the client already has it, no body for HEAD. */
export function representationResponse(request: Request, { bytes, etag, contentType }: Representation, extraHeaders: Record<string, string>): Response {
  const headers = { ETag: etag, Vary: "Accept-Encoding", ...extraHeaders };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch && (ifNoneMatch.trim() === "*" || ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag))) {
    return new Response(null, { status: 304, headers });
  }
  // One chunk of bytes: Next writes it to the socket as it is. (Next sets the framing
  // headers itself, Content-Length and Content-Encoding included, whatever we send: it
  // compresses for clients that accept gzip, on every request.)
  return new Response(request.method === "HEAD" ? null : bytes, { status: 200, headers: { "Content-Type": contentType, ...headers } });
}

export function preflight(): Response {
  return new Response(null, { status: 204, headers: PREFLIGHT_HEADERS });
}

/**
 * Wraps a route handler so that every failure becomes a contract-shaped error response.
 * `cors: false` for a handler that changes something: its answers, errors included, are
 * for this site's pages and for servers, and a page on another site may not read them.
 * `headers` go on every answer, errors included (a path holding a secret: no-store).
 */
export function route<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
  { cors = true, headers = {} }: { cors?: boolean; headers?: Record<string, string> } = {},
) {
  return async (...args: Args): Promise<Response> => {
    let response: Response;
    try {
      response = await handler(...args);
    } catch (error) {
      // The JSON API answers in English unless the client's Accept-Language asks for another.
      const request = args[0] instanceof Request ? args[0] : null;
      const language = negotiateLanguage({ acceptLanguage: request?.headers.get("accept-language") });
      response = errorResponse(error, language === DEFAULT_LANGUAGE ? ENGLISH_ERRORS : await errorTranslators(language));
      // its words differ by Accept-Language, and a cache must keep them apart (a 404 may be kept without a Cache-Control)
      response.headers.append("Vary", "Accept-Language");
    }
    if (!cors) for (const name of Object.keys(CORS_HEADERS)) response.headers.delete(name);
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };
}
