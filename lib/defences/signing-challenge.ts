import "server-only";
import type { Challenge } from "altcha-lib";
import { letterNotFound } from "../http/app-error";
import { consumeLimit } from "../http/rate-limit";
import { getCachedPublicLetter } from "../letters/get-cached-public-letter";
import { proofOfWorkRequired } from "./bot-checks";
import { createProofOfWorkChallenge } from "./proof-of-work";

/** Challenges one client may ask for a minute: a person needs one per signing, now and then two. */
export const CHALLENGE_LIMIT = { points: 30, durationS: 60 };

export interface SigningChallenge {
  /** Whether a signing sent now must bring the solved challenge. */
  required: boolean;
  /** The challenge to solve; null when the letter never asks for one. */
  challenge: Challenge | null;
}

/**
 * What the sign form (or an API client) must solve before signing `slug`. A letter in
 * "busy" mode hands out a challenge even while it does not require one, so a form that
 * was filled as the rate rose still brings a proof.
 */
export async function signingChallenge({ slug, ip }: { slug: string; ip: string }): Promise<SigningChallenge> {
  const letter = await getCachedPublicLetter({ slug });
  if (!letter) throw letterNotFound();
  if (letter.proofOfWork !== "on" && letter.proofOfWork !== "busy") return { required: false, challenge: null };
  await consumeLimit("pow-challenge", ip, CHALLENGE_LIMIT);
  const [required, challenge] = await Promise.all([proofOfWorkRequired(letter), createProofOfWorkChallenge({ letterId: letter.id })]);
  return { required, challenge };
}
