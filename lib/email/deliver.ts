import crypto from "node:crypto";
import { Resend } from "resend";
import type { Env } from "../env";

// Hands messages to the provider. Resend when a key is set (the SDK honours
// RESEND_BASE_URL); otherwise the local mailbox: the log, and /dev/mail.

export interface OutgoingEmail {
  id: string;
  template: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers as JSON (OutboxEmail.headers), e.g. List-Unsubscribe; null or absent for none. */
  headers?: string | null;
}

export type DeliveryResult =
  | { ok: true; providerId: string }
  /**
   * `answerLost`: no answer came (a timeout, a dropped connection), so the message may have
   * gone. `retryAfterMs`: how long the provider asked to be left alone (Retry-After).
   */
  | { ok: false; retryable: boolean; answerLost: boolean; error: string; retryAfterMs?: number };

export const SEND_TIMEOUT_MS = 10_000;

/** Resend's limit on messages in one batch request. */
export const RESEND_BATCH_MAX = 100;
/** How often a batch whose answer was lost is asked again, with the same key, before deliverBatch gives up for now. */
export const AMBIGUOUS_BATCH_TRIES = 3;

/** Hands one message to the provider, under `idempotencyKey` (by default `outbox/<id>`). */
export async function deliverEmail(
  email: OutgoingEmail,
  env: Env,
  { resend, idempotencyKey = `outbox/${email.id}` }: { resend?: Resend; idempotencyKey?: string } = {},
): Promise<DeliveryResult> {
  if (!env.RESEND_API_KEY) return deliverLocally(email);
  const client = resend ?? resendClient(env);
  const { data, error, headers } = await client.emails.send(
    resendMessage(email, env),
    // The key makes a retry after a lost answer safe: Resend sends a key's message once.
    { idempotencyKey, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) } as never,
  );
  if (data?.id) return { ok: true, providerId: data.id };
  return failure(error, isAmbiguous(error), headers);
}

/**
 * Hands several messages to Resend in one batch request, one result per message in
 * order. Resend allows a team a few requests a second (2 to 5 by default), so one
 * request per message would cap a viral letter's confirmations at a few a second; a
 * batch carries up to a hundred.
 *
 * Safe to repeat: Resend answers a repeated key and body with its first answer and
 * sends nothing new. A batch whose answer was lost (a timeout, a dropped connection)
 * is asked again after a short pause with the same key; if every answer is lost, the
 * results say so (`answerLost`) and the caller must offer the same messages again, in
 * the same order, under the same `idempotencyKey` (the outbox keeps it on the rows).
 * Only a batch refused outright (429, 5xx, with no earlier try unanswered) sent nothing.
 * Without a key, one is derived from the messages' ids; a lone message without a key
 * goes alone under `outbox/<id>`.
 */
export async function deliverBatch(
  emails: OutgoingEmail[],
  env: Env,
  { resend, timeoutMs = SEND_TIMEOUT_MS, idempotencyKey }: { resend?: Resend; timeoutMs?: number; idempotencyKey?: string } = {},
): Promise<DeliveryResult[]> {
  if (emails.length > RESEND_BATCH_MAX) throw new Error(`a Resend batch holds at most ${RESEND_BATCH_MAX} messages`);
  if (!env.RESEND_API_KEY) return emails.map(deliverLocally);
  if (emails.length === 0) return [];
  if (emails.length === 1 && !idempotencyKey) return [await deliverEmail(emails[0], env, { resend })];
  const client = resend ?? resendClient(env);
  const payload = emails.map((email) => resendMessage(email, env));
  const key = idempotencyKey ?? batchKeyFor(emails.map((email) => email.id));
  let error: unknown = null;
  let headers: Record<string, string> | null = null;
  let answerLost = false;
  for (let attempt = 1; attempt <= AMBIGUOUS_BATCH_TRIES; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, Math.min(timeoutMs, 2_000)));
    const answer = await client.batch.send(payload, {
      idempotencyKey: key,
      // Permissive: one malformed message fails alone instead of holding back the rest.
      batchValidation: "permissive",
      signal: AbortSignal.timeout(timeoutMs),
    } as never);
    if (answer.data) return batchResults(emails.length, answer.data as { data: { id: string }[]; errors?: { index: number; message: string }[] });
    error = answer.error;
    headers = answer.headers;
    // A refusal after an unanswered try says nothing about that try: the batch may have gone.
    answerLost ||= isAmbiguous(error);
    if (!isAmbiguous(error)) break;
  }
  const result = failure(error, answerLost, headers);
  return emails.map(() => result);
}

/** A batch's key named by its messages, for a caller that keeps no key of its own. */
function batchKeyFor(ids: string[]): string {
  return `outbox/batch-${crypto.createHash("sha256").update(ids.join(",")).digest("base64url")}`;
}

/** No answer, or the provider still busy with the same key: the messages may have gone. */
function isAmbiguous(error: unknown): boolean {
  return statusOf(error) === null || (error as { name?: string } | null)?.name === "concurrent_idempotent_requests";
}

/** Resend lists the ids of the accepted messages in order, and the refused ones by index. */
function batchResults(count: number, body: { data: { id: string }[]; errors?: { index: number; message: string }[] }): DeliveryResult[] {
  const refused = new Map((body.errors ?? []).map((e) => [e.index, e.message]));
  const ids = body.data.values();
  return Array.from({ length: count }, (_, index): DeliveryResult => {
    const message = refused.get(index);
    if (message !== undefined) return { ok: false, retryable: false, answerLost: false, error: `422: ${message}` };
    const id = ids.next().value?.id;
    if (id) return { ok: true, providerId: id };
    // Whether it went is unknown, and asking again could send it twice: it is not retried.
    return { ok: false, retryable: false, answerLost: true, error: "batch answer without an id for this message" };
  });
}

function resendMessage(email: OutgoingEmail, env: Env) {
  const headers = email.headers ? (JSON.parse(email.headers) as Record<string, string>) : undefined;
  return { from: env.EMAIL_FROM, to: [email.to], subject: email.subject, html: email.html, text: email.text, ...(headers && { headers }) };
}

function resendClient(env: Env): Resend {
  return new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
}

function statusOf(error: unknown): number | null {
  return (error as { statusCode?: number | null } | null)?.statusCode ?? null;
}

function failure(error: unknown, answerLost = isAmbiguous(error), headers?: Record<string, string> | null): DeliveryResult {
  const status = statusOf(error);
  // No answer (or one still in progress) may yet succeed; 429 and 5xx are the provider's trouble.
  const retryable = answerLost || status === 429 || (status !== null && status >= 500);
  const message = (error as { message?: string } | null)?.message ?? "no answer";
  const retryAfterMs = retryAfter(headers?.["retry-after"]);
  return { ok: false, retryable, answerLost, error: `${status ?? "network"}: ${message}`, ...(retryAfterMs !== null && { retryAfterMs }) };
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
function retryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function deliverLocally(email: OutgoingEmail): DeliveryResult {
  const links = [...email.text.matchAll(/https?:\/\/[^\s)\]]+/g)].map((m) => m[0]);
  console.log(
    [
      `[mail] ${email.template} to ${email.to}: ${email.subject}`,
      ...[...new Set(links)].map((link) => `[mail]   ${link}`),
      "[mail]   (kept in the local mailbox: /dev/mail shows it under npm run dev or with LOCAL_MAILBOX=on)",
    ].join("\n"),
  );
  return { ok: true, providerId: `local/${email.id}` };
}
