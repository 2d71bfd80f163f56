import "server-only";
import crypto from "node:crypto";
import pg from "pg";
import { RateLimiterMemory, type RateLimiterAbstract, type RateLimiterRes } from "rate-limiter-flexible";
import { provider } from "../db";
import { getEnv } from "../env";
import { processMemory } from "../memory/process-memory";
import { AppError } from "./app-error";
import { BatchedRateLimiterPostgres, UpsertBatcher } from "./batched-rate-limiter";

// Limits by rate-limiter-flexible: on signing, per client address (a flood from one
// place) and per address signed with (someone mailing a stranger's inbox over and over);
// elsewhere by name (sign-in links, reports). On PostgreSQL every app process shares
// them through the rate_limits table (RateLimiterPostgres; a limit of 30 a minute means
// 30 across the site, not 30 per process), with a per-process limit standing in while
// the database cannot be reached; the points that arrive together are written in one
// statement (./batched-rate-limiter.ts). On SQLite, with one process, they stay in memory.

/** The limits' own small pool: rate-limiter-flexible speaks to `pg` itself. */
function limitsPool(): pg.Pool {
  return processMemory("rate-limiters.pool", openLimitsPool);
}

/** Every limit's points go through one batcher: they share the table. */
function limitsBatcher(): UpsertBatcher {
  return processMemory("rate-limiters.batcher", () => new UpsertBatcher(limitsPool(), `"rate_limits"`));
}

function openLimitsPool(): pg.Pool {
  // A limit's points are worth no disk flush: should the server crash, a moment of
  // them is lost and some clients get a few attempts more (synchronous_commit=off).
  const pool = new pg.Pool({
    connectionString: getEnv().DATABASE_URL,
    max: 4,
    connectionTimeoutMillis: 5_000,
    options: "-c synchronous_commit=off",
  });
  // An idle connection dropped by the server (a restart) must not take the process down.
  pool.on("error", (error) => console.warn(`[limits] idle PostgreSQL connection lost: ${error.message}`));
  return pool;
}

/** A named limit of `points` per `durationS` seconds per key. */
function limiter(name: string, points: number, durationS: number): RateLimiterAbstract {
  const limiters = processMemory("rate-limiters", () => new Map<string, RateLimiterAbstract>());
  let limiter = limiters.get(name);
  if (!limiter) {
    const inMemory = new RateLimiterMemory({ keyPrefix: name, points, duration: durationS });
    limiter =
      provider === "postgresql"
        ? new BatchedRateLimiterPostgres(
            {
              storeClient: limitsPool(),
              storeType: "pool",
              tableName: "rate_limits",
              tableCreated: true, // by the migrations
              clearExpiredByTimeout: true,
              keyPrefix: name,
              points,
              duration: durationS,
              insuranceLimiter: inMemory,
            },
            limitsBatcher(),
          )
        : inMemory;
    limiters.set(name, limiter);
  }
  return limiter;
}

/** Sign-in links asked for by one client: through the form or Auth.js's endpoint alike. */
export const SIGN_IN_LIMIT = { points: 10, durationS: 15 * 60 };

export async function limitSigning({ ip, letterSlug, emailCanonical }: { ip: string; letterSlug: string; emailCanonical: string }) {
  // Both at once: on PostgreSQL each is a round trip.
  await Promise.all([
    consumeLimit("sign-ip", ip, { points: getEnv().SIGN_RATE_LIMIT_PER_MINUTE, durationS: 60 }),
    consumeLimit("sign-email", `${letterSlug}:${emailCanonical}`, { points: 5, durationS: 60 * 60 }),
  ]);
}

/**
 * Takes a point from the named limit for `key`; throws a 429 AppError past it. The key
 * (an address, an email) is kept only as a keyed hash, in memory and in rate_limits.
 */
export async function consumeLimit(name: string, key: string, { points, durationS }: { points: number; durationS: number }) {
  try {
    await limiter(name, points, durationS).consume(crypto.createHmac("sha256", getEnv().AUTH_SECRET).update(key).digest("base64url"));
  } catch (rejection) {
    throw tooMany(rejection);
  }
}

/**
 * For a link whose secret is its own proof (an unsubscribe link): a client is held back
 * only by its misses, the secrets that match nothing, so someone guessing is stopped while
 * a mail provider that posts many people's real links from a few addresses never is.
 * Past the limit, even a real link waits (429) until the misses age out.
 */
export async function limitMisses<T>(
  name: string,
  key: string,
  { points, durationS }: { points: number; durationS: number },
  attempt: () => Promise<T>,
  isMiss: (error: unknown) => boolean,
): Promise<T> {
  const limit = limiter(name, points, durationS);
  const hashed = crypto.createHmac("sha256", getEnv().AUTH_SECRET).update(key).digest("base64url");
  const misses = await limit.get(hashed);
  if (misses && misses.consumedPoints >= points) throw tooMany(misses);
  try {
    return await attempt();
  } catch (error) {
    if (isMiss(error)) await limit.consume(hashed).catch(() => undefined); // this miss is answered; the next one waits
    throw error;
  }
}

function tooMany(rejection: unknown): unknown {
  // Duck-typed: the bundler may hold two copies of the class, defeating instanceof.
  if (typeof (rejection as RateLimiterRes)?.msBeforeNext !== "number") return rejection;
  const seconds = Math.max(1, Math.ceil((rejection as RateLimiterRes).msBeforeNext / 1000));
  const values = seconds < 120 ? { unit: "seconds", count: seconds } : { unit: "minutes", count: Math.ceil(seconds / 60) };
  return new AppError("rate_limited", 429, { values, headers: { "Retry-After": String(seconds) } });
}
