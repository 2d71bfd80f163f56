import crypto from "node:crypto";

// Confirmation tokens: 256 random bits, sent only in the email; the database keeps
// their SHA-256, so a leaked database confirms nothing.

export const TOKEN_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function createToken(now = new Date()): { token: string; tokenHash: string; expiresAt: Date } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS) };
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens are 43 base64url characters; anything else is not worth a database look-up. */
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
