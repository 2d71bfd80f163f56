import "server-only";
import crypto from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import { countRecentFromAddress } from "../signatures/signing-sql";

// Rules that ask a moderator to look at a signature. They never block signing: a flag
// only puts the signature in the review queue.

// Throwaway-mailbox services most often used for fake signatures.
export const DISPOSABLE_DOMAINS = new Set([
  "mailinator.com", "guerrillamail.com", "10minutemail.com", "tempmail.com", "temp-mail.org", "yopmail.com",
  "trashmail.com", "sharklasers.com", "getnada.com", "dispostable.com", "maildrop.cc", "throwawaymail.com",
]);
export const FLOOD_LIMIT = 5;
export const FLOOD_WINDOW_MS = 60 * 60 * 1000;

/** A keyed hash of the client address: equal addresses match, the address itself is not kept. */
export function hashIp(ip: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(ip).digest("hex");
}

export async function signingFlags(
  tx: Prisma.TransactionClient,
  { letterId, emailDomain, ipHash, now = new Date() }: { letterId: string; emailDomain: string; ipHash: string | null; now?: Date },
): Promise<string> {
  const flags: string[] = [];
  if (DISPOSABLE_DOMAINS.has(emailDomain)) flags.push("disposable_email");
  if (ipHash) {
    const since = new Date(now.getTime() - FLOOD_WINDOW_MS);
    const recent = await countRecentFromAddress(tx, { letterId, ipHash, since, upTo: FLOOD_LIMIT });
    if (recent >= FLOOD_LIMIT) flags.push("many_from_one_address");
  }
  return flags.join(",");
}

export const FLAG_LABEL: Record<string, string> = {
  disposable_email: "Throwaway email service",
  many_from_one_address: `More than ${FLOOD_LIMIT} signatures from one network address within an hour`,
  reported: "Reported by a reader",
};
