import "server-only";
import { Webhook } from "standardwebhooks";
import { db, provider } from "../db";
import { isDatabaseUnavailable } from "../database-unavailable";
import { Prisma } from "../generated/prisma/client";
import { getEnv, type Env } from "../env";
import { retryDelayMs, type RetrySettings } from "../email/retry-schedule";
import { forgetProcessMemory, processMemory } from "../memory/process-memory";
import { disableWebhookEndpoint } from "./disable-webhook-endpoint";
import { RETRY_WINDOW_MS } from "./emit-webhook-event";
import { postWebhook, type PostResult } from "./post-webhook";
import { checkWebhookTarget, systemLookup, TargetRefused, type Lookup } from "./safe-target";
import { openWebhookSecret } from "./secret-box";

// Delivers queued webhooks (emit-webhook-event.ts) as the outbox delivers mail: each row
// is claimed with a lease, so several app processes share the queue without sending a
// row twice at once and a crashed sender's rows come back. Each attempt is signed as
// Standard Webhooks says, under a webhook-id that stays the same on every attempt, so a
// receiver can drop a repeat. A 2xx answer is delivered; anything else (another status,
// a redirect, a network error, no answer in 10 s, an address refused by safe-target.ts)
// is tried again on a capped, jittered doubling schedule, honouring a 429's or 503's
// Retry-After up to an hour, until the delivery's day is over; then it has failed. Every
// attempt is logged. An endpoint that received nothing during a failed delivery's whole
// day of retries is turned off (disable-webhook-endpoint.ts).

const BATCH = 20;
const LEASE_MS = 60_000;
const POLL_MS = 1_000;
/** 10 s doubling to an hour: about 30 attempts in a day. */
export const WEBHOOK_RETRY: RetrySettings = { OUTBOX_RETRY_BASE_MS: 10_000, OUTBOX_RETRY_MAX_DELAY_MS: 60 * 60 * 1000, OUTBOX_MAX_ATTEMPTS: 1_000 };

type Claimed = { id: string; endpointId: string; payload: string; attempts: number | bigint; retryUntil: Date | string };
type Endpoint = { id: string; url: string; secretCipher: string; enabled: boolean };

export interface WebhookWorkerOptions {
  env?: Env;
  now?: () => Date;
  /** How host names are resolved (tests give names of their own). */
  lookup?: Lookup;
}

/** Delivers every due webhook; returns how many attempts it made. */
export async function processWebhooks({ env = getEnv(), now = () => new Date(), lookup = systemLookup }: WebhookWorkerOptions = {}): Promise<number> {
  let handled = 0;
  for (;;) {
    const claimed = await claimDue(now());
    if (claimed.length === 0) return handled;
    const endpoints = await db.webhookEndpoint.findMany({
      where: { id: { in: [...new Set(claimed.map((row) => row.endpointId))] } },
      select: { id: true, url: true, secretCipher: true, enabled: true },
    });
    await Promise.all(
      claimed.map(async (row) => {
        const endpoint = endpoints.find((e) => e.id === row.endpointId);
        if (!endpoint) return; // deleted meanwhile: its deliveries went with it
        const result = await attempt(row, endpoint, env, now(), lookup);
        await recordAttempt(row, result, now(), env);
      }),
    );
    handled += claimed.length;
    if (claimed.length < BATCH) return handled;
  }
}

/**
 * Leases the next due deliveries of enabled endpoints. On PostgreSQL concurrent workers
 * skip each other's rows (FOR UPDATE SKIP LOCKED); SQLite has one writer at a time.
 */
async function claimDue(at: Date): Promise<Claimed[]> {
  const skipLocked = provider === "postgresql" ? Prisma.sql`FOR UPDATE OF "d" SKIP LOCKED` : Prisma.empty;
  return db.$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" SET "status" = 'sending', "lockedUntil" = ${new Date(at.getTime() + LEASE_MS)}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "d"."id" FROM "WebhookDelivery" AS "d"
      WHERE (("d"."status" = 'pending' AND "d"."nextAttemptAt" <= ${at}) OR ("d"."status" = 'sending' AND "d"."lockedUntil" < ${at}))
        AND EXISTS (SELECT 1 FROM "WebhookEndpoint" AS "e" WHERE "e"."id" = "d"."endpointId" AND "e"."enabled" = true)
      ORDER BY "d"."nextAttemptAt" LIMIT ${BATCH} ${skipLocked})
    RETURNING "id", "endpointId", "payload", "attempts", "retryUntil"`;
}

/** One signed POST, after the target is checked again (its address may have changed since it was registered). */
async function attempt(row: Claimed, endpoint: Endpoint, env: Env, at: Date, lookup: Lookup): Promise<PostResult> {
  let target;
  try {
    target = await checkWebhookTarget(endpoint.url, { allowPrivate: env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS, lookup });
  } catch (error) {
    if (error instanceof TargetRefused) return { statusCode: null, error: `Not sent: ${error.message}`, durationMs: 0 };
    throw error;
  }
  let secret;
  try {
    secret = openWebhookSecret(endpoint.secretCipher, env.AUTH_SECRET);
  } catch {
    // Sealed under another AUTH_SECRET: a failed try the log explains, not an error that stops the whole batch.
    return { statusCode: null, error: "Not sent: the signing secret cannot be read (was AUTH_SECRET changed?). Make a new secret for this endpoint.", durationMs: 0 };
  }
  const messageId = `msg_${row.id}`;
  const signature = new Webhook(secret).sign(messageId, at, row.payload);
  return postWebhook(target, {
    body: row.payload,
    now: at.getTime(),
    headers: {
      "content-type": "application/json",
      "user-agent": `OpenLetters-Webhooks/1.0 (+${env.APP_URL})`,
      "webhook-id": messageId,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": signature,
    },
  });
}

async function recordAttempt(row: Claimed, result: PostResult, at: Date, env: Env): Promise<void> {
  const delivered = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const attempts = Number(row.attempts);
  const retryUntil = new Date(row.retryUntil);
  const nextAttemptAt = new Date(at.getTime() + retryDelayMs(attempts, WEBHOOK_RETRY, { retryAfterMs: result.retryAfterMs }));
  const failed = !delivered && nextAttemptAt > retryUntil;
  const error = delivered ? null : (result.error ?? `HTTP ${result.statusCode}`).slice(0, 400);
  if (!delivered) console.warn(`[webhooks] delivery ${row.id}: attempt ${attempts} failed (${error})${failed ? ", giving up" : ""}`);
  const written = await db.$transaction(async (tx) => {
    // updateMany: the endpoint (and so the delivery) may have been deleted meanwhile.
    const updated = await tx.webhookDelivery.updateMany({
      where: { id: row.id, status: "sending" },
      data: {
        status: delivered ? "delivered" : failed ? "failed" : "pending",
        lockedUntil: null,
        lastStatus: result.statusCode,
        lastError: error,
        ...(delivered ? { deliveredAt: at } : { nextAttemptAt }),
      },
    });
    if (updated.count === 0) return false;
    await tx.webhookAttempt.create({
      data: { deliveryId: row.id, at, statusCode: result.statusCode, error, durationMs: result.durationMs },
    });
    if (delivered) await tx.webhookEndpoint.update({ where: { id: row.endpointId }, data: { consecutiveFailures: 0, lastDeliveredAt: at } });
    if (failed) await tx.webhookEndpoint.update({ where: { id: row.endpointId }, data: { consecutiveFailures: { increment: 1 } } });
    return true;
  });
  if (written && failed) await disableIfSilent(row, retryUntil, error!, at, env);
}

/** Turns the endpoint off when nothing at all reached it during this delivery's day of retries. */
async function disableIfSilent(row: Claimed, retryUntil: Date, lastError: string, at: Date, env: Env): Promise<void> {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: row.endpointId }, select: { lastDeliveredAt: true, consecutiveFailures: true } });
  const windowStart = retryUntil.getTime() - RETRY_WINDOW_MS;
  if (!endpoint || (endpoint.lastDeliveredAt && endpoint.lastDeliveredAt.getTime() >= windowStart)) return;
  const failures = endpoint.consecutiveFailures;
  await disableWebhookEndpoint({
    id: row.endpointId,
    reason: `Nothing reached it for a day: ${failures} ${failures === 1 ? "delivery" : "deliveries"} failed for good, the last with “${lastError}”.`,
    now: at,
    env,
  });
}

/** Starts the in-process worker once, beside the outbox worker: a pass every second. */
export function startWebhookWorker(): void {
  processMemory("webhooks.worker", () => {
    let running = false;
    let databaseDown = false;
    const timer = setInterval(async () => {
      if (running) return;
      running = true;
      try {
        await processWebhooks();
        databaseDown = false;
      } catch (error) {
        // An outage is said once; deliveries wait in the queue meanwhile.
        if (!isDatabaseUnavailable(error)) console.error("[webhooks] worker error", error);
        else if (!databaseDown) console.warn(`[webhooks] the database is not answering: webhooks wait in the queue (${(error as Error).message})`);
        databaseDown = isDatabaseUnavailable(error);
      } finally {
        running = false;
      }
    }, POLL_MS);
    timer.unref();
    return {
      stop: () => {
        clearInterval(timer);
        forgetProcessMemory("webhooks.worker");
      },
    };
  });
}
