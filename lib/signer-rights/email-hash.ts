import "server-only";
import crypto from "node:crypto";
import { getEnv } from "../env";

/** A keyed hash of a canonical address for the audit log: equal addresses match, the address is not kept. */
export function emailHash(emailCanonical: string): string {
  return crypto.createHmac("sha256", getEnv().AUTH_SECRET).update(emailCanonical).digest("hex");
}
