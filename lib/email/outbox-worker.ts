import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { getEnv, type Env } from "../env";
import { RESEND_BATCH_MAX, deliverBatch, deliverEmail, type DeliveryResult } from "./deliver";
import { onOutboxWake } from "./outbox-signal";

// Delivers the outbox. Each row is claimed with a lease (so two app processes never
// send the same row at once, and a crashed sender's rows come back), sent with an
// idempotency key, and on a provider failure retried with exponential backoff until
// the last attempt marks it failed. Nothing is deleted: the outbox is also the record.

const BATCH = RESEND_BATCH_MAX; // one claim fills one provider batch
const LEASE_MS = 60_000;
const POLL_MS = 1_000;
const WAKE_DELAY_MS = 10;

type OutboxRow = { id: string; template: string; to: string; subject: string; html: string; text: string; attempts: number };

export async function processOutbox(env: Env = getEnv(), now: () => Date = () => new Date()): Promise<number> {
  let handled = 0;
  for (;;) {
    const due = await claimDue(now());
    if (due.length === 0) return handled;
    // First attempts go out together as one provider batch (see deliverBatch); retries
    // go one by one under each message's own key, in parallel: the provider's round
    // trip, not the database, is the slow part.
    const first = due.filter((row) => row.attempts === 1);
    const retries = due.filter((row) => row.attempts > 1);
    const [firstResults, retryResults] = await Promise.all([
      deliverBatch(first, env),
      Promise.all(retries.map((row) => deliverEmail(row, env))),
    ]);
    const results: [OutboxRow, DeliveryResult][] = [
      ...first.map((row, i): [OutboxRow, DeliveryResult] => [row, firstResults[i]]),
      ...retries.map((row, i): [OutboxRow, DeliveryResult] => [row, retryResults[i]]),
    ];
    const sent: { id: string; providerId: string }[] = [];
    for (const [row, result] of results) {
      if (result.ok) sent.push({ id: row.id, providerId: result.providerId });
      else await recordFailure(row, result.error, result.retryable, env, now());
    }
    await markSent(sent, now());
    handled += due.length;
    if (due.length < BATCH) return handled;
  }
}

// The claim and the "sent" mark are written out as SQL: they run as often as signing
// itself, and a modelled query costs ten raw ones (see signing-sql.ts). One statement
// each per batch of messages.

/** Leases the next due messages (pending ones, and those whose sender's lease ran out). */
async function claimDue(at: Date): Promise<OutboxRow[]> {
  const rows = await db.$queryRaw<(OutboxRow & { attempts: number | bigint })[]>`
    UPDATE "OutboxEmail" SET "status" = 'sending', "lockedUntil" = ${new Date(at.getTime() + LEASE_MS)}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE ("status" = 'pending' AND "nextAttemptAt" <= ${at}) OR ("status" = 'sending' AND "lockedUntil" < ${at})
      ORDER BY "nextAttemptAt" LIMIT ${BATCH})
    RETURNING "id", "template", "to", "subject", "html", "text", "attempts"`;
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}

async function markSent(sent: { id: string; providerId: string }[], at: Date): Promise<void> {
  if (sent.length === 0) return;
  await db.$executeRaw`
    UPDATE "OutboxEmail" SET "status" = 'sent', "sentAt" = ${at}, "lockedUntil" = NULL, "lastError" = NULL,
      "providerId" = CASE "id" ${Prisma.join(sent.map((s) => Prisma.sql`WHEN ${s.id} THEN ${s.providerId}`), " ")} END
    WHERE "id" IN (${Prisma.join(sent.map((s) => s.id))})`;
}

/** Tries again later with a doubling delay, or gives up after the last attempt. */
async function recordFailure(row: OutboxRow, error: string, retryable: boolean, env: Env, at: Date): Promise<void> {
  const giveUp = !retryable || row.attempts >= env.OUTBOX_MAX_ATTEMPTS;
  const delay = env.OUTBOX_RETRY_BASE_MS * 2 ** (row.attempts - 1);
  await db.outboxEmail.update({
    where: { id: row.id },
    data: {
      status: giveUp ? "failed" : "pending",
      nextAttemptAt: new Date(at.getTime() + delay),
      lockedUntil: null,
      lastError: error.slice(0, 500),
    },
  });
  console.warn(`[mail] ${row.template} message ${row.id}: attempt ${row.attempts} failed (${error})${giveUp ? ", giving up" : ""}`);
}

const state = globalThis as unknown as { outboxWorker?: { stop: () => void } };

/** Starts the in-process worker once: a poll every second, and soon after a wake-up. */
export function startOutboxWorker(): void {
  if (state.outboxWorker) return;
  let running = false;
  let again = false;
  const tick = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await processOutbox();
      } while (again);
    } catch (error) {
      console.error("[mail] outbox worker error", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, POLL_MS);
  timer.unref();
  // Wake-ups within a few milliseconds share one pass: a busy letter's confirmations go
  // out in batches rather than one claim per signature.
  let wakeScheduled = false;
  const unsubscribe = onOutboxWake(() => {
    if (wakeScheduled) return;
    wakeScheduled = true;
    setTimeout(() => {
      wakeScheduled = false;
      void tick();
    }, WAKE_DELAY_MS);
  });
  state.outboxWorker = {
    stop: () => {
      clearInterval(timer);
      unsubscribe();
      state.outboxWorker = undefined;
    },
  };
  void tick();
}
