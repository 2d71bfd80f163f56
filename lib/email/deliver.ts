import { Resend } from "resend";
import type { Env } from "../env";

// Hands one message to the provider. Resend when a key is set (the SDK honours
// RESEND_BASE_URL); otherwise the local mailbox: the log, and /dev/mail.

export interface OutgoingEmail {
  id: string;
  template: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export type DeliveryResult =
  | { ok: true; providerId: string }
  | { ok: false; retryable: boolean; error: string };

export const SEND_TIMEOUT_MS = 10_000;

export async function deliverEmail(email: OutgoingEmail, env: Env, resend?: Resend): Promise<DeliveryResult> {
  if (!env.RESEND_API_KEY) return deliverLocally(email);
  const client = resend ?? new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  const { data, error } = await client.emails.send(
    { from: env.EMAIL_FROM, to: [email.to], subject: email.subject, html: email.html, text: email.text },
    // The key makes a retry after a lost answer safe: Resend sends a key's message once.
    { idempotencyKey: `outbox/${email.id}`, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) } as never,
  );
  if (data?.id) return { ok: true, providerId: data.id };
  const status = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
  // No status: the request failed or timed out. 429 and 5xx are the provider's trouble.
  const retryable = status === null || status === 429 || status >= 500;
  return { ok: false, retryable, error: `${status ?? "network"}: ${error?.message ?? "no answer"}` };
}

function deliverLocally(email: OutgoingEmail): DeliveryResult {
  const links = [...email.text.matchAll(/https?:\/\/[^\s)\]]+/g)].map((m) => m[0]);
  console.log(
    [
      `[mail] ${email.template} to ${email.to}: ${email.subject}`,
      ...[...new Set(links)].map((link) => `[mail]   ${link}`),
      "[mail]   (kept in the local mailbox: open /dev/mail)",
    ].join("\n"),
  );
  return { ok: true, providerId: `local/${email.id}` };
}
