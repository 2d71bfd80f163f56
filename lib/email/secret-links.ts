import { SIGN_IN_LINK_LIFETIME_S } from "../auth/sign-in-link";
import { TOKEN_LIFETIME_MS } from "../signatures/tokens";
import { DATA_REQUEST_LIFETIME_MS } from "../signer-rights/data-request-lifetime";

// Links that act for their reader (confirm a signature, sign in to /admin, withdraw,
// see one's data) are secrets: an outbox row holding one would let anyone with a copy
// of the database act. A message's body is kept only while it can still be sent or
// read, that is while its link works; after that, and at once when it reaches the
// provider, the body is replaced by the same text with each secret taken out of its
// link (`/verify/[removed]`), so the record still says what went to whom and when.

/** What stands where a secret was; a body holding it has been redacted. */
export const REMOVED = "[removed]";

/** How long the link in each kind of message works. */
const LINK_LIFETIME_MS: Record<string, number> = {
  "signature-confirm": TOKEN_LIFETIME_MS,
  // Its withdrawal link works as long as the signature exists; an undelivered copy is
  // kept for "Send again" only as long as a confirmation's would be.
  "already-signed": TOKEN_LIFETIME_MS,
  "admin-sign-in": SIGN_IN_LINK_LIFETIME_S * 1000,
  "data-request": DATA_REQUEST_LIFETIME_MS,
  // Its unsubscribe link works as long as the signature exists (in the body and in the
  // List-Unsubscribe header); an undelivered copy is kept as a confirmation's would be.
  "letter-update": TOKEN_LIFETIME_MS,
};

/** The kinds of message that carry a secret link. */
export const SECRET_TEMPLATES = Object.keys(LINK_LIFETIME_MS);

export function linkLifetimeMs(template: string): number | null {
  return LINK_LIFETIME_MS[template] ?? null;
}

/** When the message's link stops working; null when it holds none. */
export function linkExpiresAt(message: { template: string; createdAt: Date }): Date | null {
  const lifetime = linkLifetimeMs(message.template);
  return lifetime === null ? null : new Date(message.createdAt.getTime() + lifetime);
}

// A token in a path (/verify/<token>) or in a query string (?token=, &amp;token= in HTML).
const SECRET_PATH = /(\/(?:verify|withdraw|my-data|unsubscribe)\/)[A-Za-z0-9_-]{8,}/g;
const SECRET_QUERY = /([?&;]token=)[^&\s"'<>]+/g;

/** The text with every secret link's secret replaced by REMOVED. */
export function redactSecrets(body: string): string {
  return body.replace(SECRET_PATH, `$1${REMOVED}`).replace(SECRET_QUERY, `$1${REMOVED}`);
}

/** The body without its secrets, and the extra headers (JSON) too when the message has some (List-Unsubscribe). */
export function redactEmail<T extends { html: string; text: string; headers?: unknown }>(
  email: T,
): { html: string; text: string; headers?: string } {
  return {
    html: redactSecrets(email.html),
    text: redactSecrets(email.text),
    ...(typeof email.headers === "string" ? { headers: redactSecrets(email.headers) } : {}),
  };
}
