import "server-only";
import crypto from "node:crypto";
import { disposableEmailBlocklistSet } from "disposable-email-domains-js";
import { Prisma } from "../generated/prisma/client";

type Queryable = Pick<Prisma.TransactionClient, "$queryRaw">;

// Rules that ask a moderator to look at a signature. They never block signing: a flag
// only puts the signature in the review queue.

/** The throwaway-mailbox services of the disposable-email-domains list (package disposable-email-domains-js), read once. */
let disposableDomains: Set<string> | undefined;

/** Whether an email domain, or a domain it sits under (a.mailinator.com), is a throwaway-mailbox service. */
export function isDisposableDomain(domain: string): boolean {
  disposableDomains ??= disposableEmailBlocklistSet();
  const labels = domain.trim().toLowerCase().replace(/\.$/, "").split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    if (disposableDomains.has(labels.slice(i).join("."))) return true;
  }
  return false;
}
export const FLOOD_LIMIT = 5;
const FLOOD_WINDOW_MS = 60 * 60 * 1000;

/** A keyed hash of the client address: equal addresses match, the address itself is not kept. */
export function hashIp(ip: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(ip).digest("hex");
}

/** What signingFlags needs to know of a new signature. */
export interface FlagSubject {
  letterId: string;
  emailDomain: string;
  ipHash: string | null;
  /** In a range the allow list exempts from the flood flag (an office, a university). */
  floodExempt?: boolean;
}

/**
 * The flags of each new signature, in order: a throwaway mailbox, or more than
 * FLOOD_LIMIT signatures on the letter from one network address within the hour (those
 * already written, then those earlier in the list). One statement for the list; each
 * address's count stops at FLOOD_LIMIT, so a flood costs no more to check than a trickle.
 */
export async function signingFlags(tx: Queryable, subjects: FlagSubject[], now = new Date()): Promise<string[]> {
  const since = new Date(now.getTime() - FLOOD_WINDOW_MS);
  const key = (s: FlagSubject) => `${s.letterId} ${s.ipHash}`;
  const pairs = [...new Map(subjects.filter((s) => s.ipHash && !s.floodExempt).map((s) => [key(s), s])).values()];
  const recent = new Map<string, number>();
  if (pairs.length > 0) {
    const rows = await tx.$queryRaw<{ k: bigint | number; n: bigint | number }[]>`${Prisma.join(
      pairs.map(
        (s, k) => Prisma.sql`SELECT ${Prisma.raw(String(k))} AS "k", (SELECT count(*) FROM (
          SELECT 1 FROM "Signature" WHERE "letterId" = ${s.letterId} AND "ipHash" = ${s.ipHash} AND "createdAt" >= ${since}
          LIMIT ${Prisma.raw(String(FLOOD_LIMIT))}) AS "recent") AS "n"`,
      ),
      " UNION ALL ",
    )}`;
    for (const row of rows) recent.set(key(pairs[Number(row.k)]), Number(row.n));
  }
  return subjects.map((s) => {
    const flags: string[] = [];
    if (isDisposableDomain(s.emailDomain)) flags.push("disposable_email");
    if (s.ipHash && !s.floodExempt) {
      const seen = recent.get(key(s)) ?? 0;
      if (seen >= FLOOD_LIMIT) flags.push("many_from_one_address");
      recent.set(key(s), seen + 1);
    }
    return flags.join(",");
  });
}

export const FLAG_LABEL: Record<string, string> = {
  disposable_email: "Throwaway email service",
  many_from_one_address: `More than ${FLOOD_LIMIT} signatures from one network address within an hour`,
  blocked: "On a block list",
  reported: "Reported by a reader",
  honeypot: "Filled in the hidden field that only scripts see",
  too_fast: "Sent faster than a person can fill in the form",
  no_proof_of_work: "Came without a valid proof of work",
};
