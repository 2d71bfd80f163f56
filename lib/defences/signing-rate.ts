import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { timedCache } from "../memory/timed-cache";

// How many signings arrived on a letter in the last minute, for a letter whose proof of
// work is "busy" (on while the rate is above its threshold). Counted from
// Signature.createdAt through the [letterId, createdAt] index and stopped one past the
// threshold, so a flood costs no more to count than a trickle; kept a few seconds per process.

export const SIGNING_RATE_TTL_MS = 3_000;
const WINDOW_MS = 60_000;

const cache = timedCache<boolean>("signing-rate", { ttlMs: SIGNING_RATE_TTL_MS, max: 1_000 });

/** Whether more than `perMinute` signings arrived on the letter within the last minute. */
export function signingRateAbove({ letterId, perMinute, now = new Date() }: { letterId: string; perMinute: number; now?: Date }): Promise<boolean> {
  return cache.get(`${letterId} ${perMinute}`, async () => {
    const since = new Date(now.getTime() - WINDOW_MS);
    const [row] = await db.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS "n" FROM (
      SELECT 1 FROM "Signature" WHERE "letterId" = ${letterId} AND "createdAt" >= ${since}
      LIMIT ${Prisma.raw(String(Math.max(0, Math.floor(perMinute)) + 1))}) AS "recent"`;
    return Number(row.n) > perMinute;
  });
}

/** Forgets what this process counted (tests that add signings and ask again). */
export function forgetSigningRates(): void {
  cache.forget();
}
