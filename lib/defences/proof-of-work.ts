import "server-only";
import crypto from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { db } from "../db";
import { retryOnBusy } from "../db-retry";
import { getEnv } from "../env";
import { isUniqueViolation } from "../letters/slug-taken";
import { processMemory } from "../memory/process-memory";

// A proof of work by ALTCHA (altcha-lib): the server picks a secret counter, the browser
// finds it by deriving keys from 0 upwards (PBKDF2, so a script pays the same per try as
// a browser), and sends it back with the key. The challenge is signed with a key derived
// from AUTH_SECRET, names its letter and expires; a solution is accepted once.

/** PBKDF2 rounds per try and the range of the secret counter: what one signing costs (README, "Bot checks"). */
export const PROOF_OF_WORK_COST = { algorithm: "PBKDF2/SHA-256", rounds: 1_000, counterMin: 1_000, counterMax: 2_000 } as const;
export const CHALLENGE_LIFETIME_MS = 10 * 60 * 1000;

export type ProofCheck = "valid" | "missing" | "invalid" | "expired" | "replayed";

function secrets() {
  return processMemory("proof-of-work.secrets", () => {
    const derive = (purpose: string) => crypto.createHmac("sha256", getEnv().AUTH_SECRET).update(purpose).digest("hex");
    return { challenge: derive("proof-of-work challenge"), key: derive("proof-of-work key") };
  });
}

/** A signed challenge for a signing on `letterId`. */
export async function createProofOfWorkChallenge({ letterId, now = new Date() }: { letterId: string; now?: Date }): Promise<Challenge> {
  const { algorithm, rounds, counterMin, counterMax } = PROOF_OF_WORK_COST;
  return createChallenge({
    algorithm,
    cost: rounds,
    counter: randomInt(counterMax, counterMin),
    deriveKey,
    data: { letter: letterId },
    expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS),
    hmacSignatureSecret: secrets().challenge,
    hmacKeySignatureSecret: secrets().key,
  });
}

/**
 * Whether `payload` (base64 of JSON `{ challenge, solution }`, as the sign form sends it)
 * proves the work for a signing on `letterId`. A valid proof is used up: inserted into
 * ProofOfWorkUse, where a second insert of the same challenge fails, in any process.
 */
export async function checkProofOfWork({ payload, letterId, now = new Date() }: { payload?: string; letterId: string; now?: Date }): Promise<ProofCheck> {
  if (!payload) return "missing";
  const proof = parseProof(payload);
  if (!proof) return "invalid";
  const { challenge, solution } = proof;
  const expiresAt = challenge.parameters.expiresAt;
  if (typeof expiresAt !== "number") return "invalid";
  if (expiresAt * 1000 < now.getTime()) return "expired";
  let result;
  try {
    result = await verifySolution({
      challenge,
      solution,
      deriveKey,
      hmacSignatureSecret: secrets().challenge,
      hmacKeySignatureSecret: secrets().key,
    });
  } catch {
    return "invalid"; // a tampered algorithm name or such: altcha-lib throws
  }
  if (result.expired) return "expired";
  if (!result.verified || challenge.parameters.data?.letter !== letterId) return "invalid";
  return (await spendProof(challenge, now)) ? "valid" : "replayed";
}

function parseProof(payload: string): { challenge: Challenge; solution: Solution } | null {
  try {
    const value = JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
    const parameters = value?.challenge?.parameters;
    if (!parameters || typeof parameters !== "object" || typeof value.challenge.signature !== "string") return null;
    if (!value.solution || typeof value.solution !== "object") return null;
    return { challenge: value.challenge, solution: value.solution };
  } catch {
    return null;
  }
}

/** Marks the challenge used; false when it was already. Its key is a hash of the signed challenge. */
async function spendProof(challenge: Challenge, now: Date): Promise<boolean> {
  const key = crypto.createHash("sha256").update(challenge.signature!).digest("base64url");
  const expiresAt = new Date(challenge.parameters.expiresAt! * 1000);
  await forgetExpiredUses(now);
  try {
    await retryOnBusy(() => db.proofOfWorkUse.create({ data: { key, expiresAt } }));
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Drops uses whose challenge has expired (an expired challenge is refused anyway), at most once a minute per process. */
async function forgetExpiredUses(now: Date) {
  const last = processMemory("proof-of-work.swept", () => ({ at: 0 }));
  if (now.getTime() - last.at < 60_000) return;
  last.at = now.getTime();
  await db.proofOfWorkUse.deleteMany({ where: { expiresAt: { lt: now } } }).catch(() => undefined);
}
