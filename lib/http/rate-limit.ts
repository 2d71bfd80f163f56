import "server-only";
import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { getEnv } from "../env";
import { AppError } from "./app-error";

// Limits on signing, by rate-limiter-flexible: per client address (a flood from one
// place) and per address signed with (someone mailing a stranger's inbox over and
// over). In memory, per process: enough for one machine; several app servers would
// share a store (the library has PostgreSQL and Redis ones).

const holder = globalThis as unknown as { signLimiters?: { byIp: RateLimiterMemory; byEmail: RateLimiterMemory } };

function limiters() {
  holder.signLimiters ??= {
    byIp: new RateLimiterMemory({ keyPrefix: "sign-ip", points: getEnv().SIGN_RATE_LIMIT_PER_MINUTE, duration: 60 }),
    byEmail: new RateLimiterMemory({ keyPrefix: "sign-email", points: 5, duration: 60 * 60 }),
  };
  return holder.signLimiters;
}

export async function limitSigning({ ip, letterSlug, emailCanonical }: { ip: string; letterSlug: string; emailCanonical: string }) {
  const { byIp, byEmail } = limiters();
  try {
    await byIp.consume(ip);
    await byEmail.consume(`${letterSlug}:${emailCanonical}`);
  } catch (rejection) {
    throw tooMany(rejection);
  }
}

const named = ((globalThis as unknown as { namedLimiters?: Map<string, RateLimiterMemory> }).namedLimiters ??= new Map());

/** A named limit of `points` per `durationS` seconds per key; throws a 429 AppError past it. */
export async function consumeLimit(name: string, key: string, { points, durationS }: { points: number; durationS: number }) {
  let limiter = named.get(name);
  if (!limiter) named.set(name, (limiter = new RateLimiterMemory({ keyPrefix: name, points, duration: durationS })));
  try {
    await limiter.consume(key);
  } catch (rejection) {
    throw tooMany(rejection);
  }
}

function tooMany(rejection: unknown): unknown {
  // Duck-typed: the bundler may hold two copies of the class, defeating instanceof.
  if (typeof (rejection as RateLimiterRes)?.msBeforeNext !== "number") return rejection;
  const seconds = Math.max(1, Math.ceil((rejection as RateLimiterRes).msBeforeNext / 1000));
  return new AppError(
    "rate_limited",
    429,
    `Too many attempts. Please wait ${seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`} and try again.`,
    undefined,
    { "Retry-After": String(seconds) },
  );
}

/**
 * The client's address as the nearest proxy reports it (the last X-Forwarded-For entry,
 * which that proxy appended; earlier entries are whatever the client claimed), else a
 * shared bucket. Without a proxy in front, the header is the client's word alone.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
