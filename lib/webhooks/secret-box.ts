import "server-only";
import crypto from "node:crypto";
import { getEnv } from "../env";

// A webhook's signing secret, in the form the Standard Webhooks libraries take
// ("whsec_" and 32 random bytes in base64). Signing needs the secret itself, so it cannot
// be hashed like a token: it is stored encrypted with AES-256-GCM under a key derived from
// AUTH_SECRET (HKDF), so a copy of the database alone does not let anyone forge a webhook.

const PREFIX = "whsec_";
const VERSION = "v1";

export function newWebhookSecret(): string {
  return PREFIX + crypto.randomBytes(32).toString("base64");
}

function key(authSecret: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", authSecret, "open-letters", "webhook signing secret", 32));
}

export function sealWebhookSecret(secret: string, authSecret = getEnv().AUTH_SECRET): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(authSecret), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url")}`;
}

/** The secret again; throws when the text was not sealed under this AUTH_SECRET. */
export function openWebhookSecret(sealed: string, authSecret = getEnv().AUTH_SECRET): string {
  const [version, body] = sealed.split(":");
  if (version !== VERSION || !body) throw new Error("not a sealed webhook secret");
  const bytes = Buffer.from(body, "base64url");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(authSecret), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
}
