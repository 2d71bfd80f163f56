import "server-only";
import type { SigningChallenge } from "../api/schemas";
import { getEnv } from "../env";
import { letterNotFound } from "../http/app-error";
import { consumeLimit } from "../http/rate-limit";
import { getCachedPublicLetter } from "../letters/get-cached-public-letter";
import { proofOfWorkRequired } from "./bot-checks";
import { createProofOfWorkChallenge } from "./proof-of-work";

/**
 * Challenges one client address may ask for a minute: twice the signings it may send
 * (SIGN_RATE_LIMIT_PER_MINUTE), since a person needs one per signing and now and then
 * two, and a form refused a challenge would be refused its signing without a word.
 */
export const challengeLimit = () => ({ points: 2 * getEnv().SIGN_RATE_LIMIT_PER_MINUTE, durationS: 60 });

// Its shape is the challenge JSON's, defined once in lib/api/schemas.ts.
export type { SigningChallenge } from "../api/schemas";

/**
 * What the sign form (or an API client) must solve before signing `slug`. A letter in
 * "busy" mode hands out a challenge even while it does not require one, so a form that
 * was filled as the rate rose still brings a proof.
 */
export async function signingChallenge({ slug, ip }: { slug: string; ip: string }): Promise<SigningChallenge> {
  const letter = await getCachedPublicLetter({ slug });
  if (!letter) throw letterNotFound();
  if (letter.proofOfWork !== "on" && letter.proofOfWork !== "busy") return { required: false, challenge: null };
  await consumeLimit("pow-challenge", ip, challengeLimit());
  const [required, challenge] = await Promise.all([proofOfWorkRequired(letter), createProofOfWorkChallenge({ letterId: letter.id })]);
  return { required, challenge };
}
