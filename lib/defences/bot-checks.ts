import "server-only";
import { MIN_FILL_MS } from "../validation/signing-checks";
import type { DefenceSubject, Verdict } from "./index";
import { checkProofOfWork, type ProofCheck } from "./proof-of-work";
import { signingRateAbove } from "./signing-rate";

// Checks that tell a script from a person without asking the person anything: a
// honeypot field, a minimum fill time and, where a letter asks for it, a proof of work.
// A signing that fails one answers as usual and is written marked as fraud (./index.ts).

export interface SigningChecks {
  /** The hidden field people never see: filled in, it was a script. */
  honeypot?: string;
  /** Milliseconds from the form being shown to it being sent, as the browser measured them. */
  fillMs?: number;
  /** The solved challenge (base64 JSON { challenge, solution }). */
  proofOfWork?: string;
}

export { MIN_FILL_MS };

const PROOF_REASON: Record<Exclude<ProofCheck, "valid">, string> = {
  missing: "The letter asks for a proof of work and none came with the signing.",
  invalid: "The proof of work did not check out (a wrong answer, or a challenge not made by this site for this letter).",
  expired: "The proof of work answered a challenge that had expired.",
  replayed: "The proof of work had already been used for another signing.",
};

export async function failsBotChecks({ letter, checks = {}, now }: DefenceSubject): Promise<Verdict | null> {
  if (checks.honeypot?.trim()) {
    return { flag: "honeypot", reason: "The hidden form field that people never see was filled in." };
  }
  // Left out (an API client, or a browser without JavaScript), it is not checked.
  if (checks.fillMs !== undefined && checks.fillMs < MIN_FILL_MS) {
    return {
      flag: "too_fast",
      reason: `The form was sent ${(checks.fillMs / 1000).toFixed(1)} s after it was shown; a person needs at least ${MIN_FILL_MS / 1000} s.`,
    };
  }
  if (await proofOfWorkRequired(letter, now)) {
    const proof = await checkProofOfWork({ payload: checks.proofOfWork, letterId: letter.id, now });
    if (proof !== "valid") return { flag: "no_proof_of_work", reason: PROOF_REASON[proof] };
  }
  return null;
}

/** Whether a signing on the letter must bring a proof of work now. */
export async function proofOfWorkRequired(
  letter: { id: string; proofOfWork: string; proofOfWorkBusyPerMinute: number },
  now = new Date(),
): Promise<boolean> {
  if (letter.proofOfWork === "on") return true;
  if (letter.proofOfWork !== "busy") return false;
  return signingRateAbove({ letterId: letter.id, perMinute: letter.proofOfWorkBusyPerMinute, now });
}
