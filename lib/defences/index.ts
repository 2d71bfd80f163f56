import "server-only";
import type { PublicLetter } from "../letters/get-public-letter";
import type { SignatureInput } from "../validation/signature";
import { blockedBy } from "./block-list";
import { failsBotChecks, type SigningChecks } from "./bot-checks";

// The defences a signing passes before it may count. Each answers like a normal signing
// (the sender learns nothing): a signature that fails one is written marked as fraud,
// with the reason moderators see, sends no email and never counts.

export type { SigningChecks };

export interface DefenceSubject {
  letter: PublicLetter;
  input: SignatureInput;
  /** The client's address as TRUSTED_PROXIES finds it (undefined when unknown). */
  ip?: string;
  emailCanonical: string;
  emailDomain: string;
  /** What the form (or an API client) sent besides the signature: honeypot, fill time, proof of work. */
  checks?: SigningChecks;
  now: Date;
}

export interface Verdict {
  /** A flag name (lib/moderation/signing-flags.ts FLAG_LABEL has its words). */
  flag: string;
  /** What moderators read: which rule, and its reason. */
  reason: string;
}

/** The first defence the signing fails, or null when it may go on as usual. */
export async function quietRefusal(subject: DefenceSubject): Promise<Verdict | null> {
  return (await blockedBy(subject)) ?? (await failsBotChecks(subject));
}

/** The flags quietRefusal's verdicts leave on a signature (a block list, a bot check). */
const REFUSAL_FLAGS = new Set(["blocked", "honeypot", "too_fast", "no_proof_of_work"]);

/**
 * Whether an unconfirmed fraud signature was the defences' refusal rather than a
 * moderator's mark: such a refusal is not held against a later request that passes the
 * defences (a person who was too quick, or a script that used their address first).
 */
export function refusedByDefences(signature: { status: string; confirmed: boolean; flags: string }): boolean {
  return signature.status === "fraud" && !signature.confirmed && signature.flags.split(",").some((flag) => REFUSAL_FLAGS.has(flag));
}

export { floodExempt } from "./block-list";
