import type { Env } from "../env";

// When a message that could not be delivered is tried again. The delay doubles from
// OUTBOX_RETRY_BASE_MS up to OUTBOX_RETRY_MAX_DELAY_MS, and each delay is drawn between
// three quarters of that and all of it: messages refused together (a batch, an outage)
// spread out instead of all coming back in the same second. A provider's Retry-After is
// honoured when it asks for longer, up to an hour.

const JITTER = 0.25;
const RETRY_AFTER_MAX_MS = 60 * 60 * 1000;

export type RetrySettings = Pick<Env, "OUTBOX_RETRY_BASE_MS" | "OUTBOX_RETRY_MAX_DELAY_MS" | "OUTBOX_MAX_ATTEMPTS">;

/** The wait after a message's `attempts`-th attempt failed. `random` is in [0, 1). */
export function retryDelayMs(attempts: number, env: RetrySettings, { retryAfterMs = 0, random = Math.random() } = {}): number {
  const capped = Math.min(env.OUTBOX_RETRY_MAX_DELAY_MS, env.OUTBOX_RETRY_BASE_MS * 2 ** Math.min(attempts - 1, 40));
  const jittered = Math.round(capped * (1 - JITTER * random));
  return Math.max(jittered, Math.min(retryAfterMs, RETRY_AFTER_MAX_MS));
}

/**
 * The shortest time from a message's first attempt to its last, all delays drawn at
 * their shortest: how long an outage the settings outlast for certain.
 */
export function shortestRetrySpanMs(env: RetrySettings): number {
  let total = 0;
  for (let attempts = 1; attempts < env.OUTBOX_MAX_ATTEMPTS; attempts++) total += retryDelayMs(attempts, env, { random: 1 });
  return total;
}
