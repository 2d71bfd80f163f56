import "server-only";
import { db } from "../db";
import { getEnv, type Env } from "../env";
import { deliverEmail } from "./deliver";
import { onOutboxWake } from "./outbox-signal";

// Delivers the outbox. Each row is claimed with a lease (so two app processes never
// send the same row at once, and a crashed sender's rows come back), sent with an
// idempotency key, and on a provider failure retried with exponential backoff until
// the last attempt marks it failed. Nothing is deleted: the outbox is also the record.

const BATCH = 20;
const LEASE_MS = 60_000;
const POLL_MS = 1_000;

export async function processOutbox(env: Env = getEnv(), now: () => Date = () => new Date()): Promise<number> {
  let handled = 0;
  for (;;) {
    const due = await db.outboxEmail.findMany({
      where: {
        OR: [
          { status: "pending", nextAttemptAt: { lte: now() } },
          { status: "sending", lockedUntil: { lt: now() } },
        ],
      },
      orderBy: { nextAttemptAt: "asc" },
      take: BATCH,
    });
    if (due.length === 0) return handled;
    // The batch goes out in parallel: a provider round trip, not the database, is the
    // slow part, and a viral letter's confirmations must not queue behind each other.
    const results = await Promise.all(due.map((row) => deliverOne(row, env, now)));
    handled += results.filter(Boolean).length;
    if (due.length < BATCH) return handled;
  }
}

type OutboxRow = Awaited<ReturnType<typeof db.outboxEmail.findMany>>[number];

/** Claims one row (a lease, so no other process sends it meanwhile), sends it, records the outcome. */
async function deliverOne(row: OutboxRow, env: Env, now: () => Date): Promise<boolean> {
  const claimed = await db.outboxEmail.updateMany({
    where: { id: row.id, status: row.status, attempts: row.attempts },
    data: { status: "sending", lockedUntil: new Date(now().getTime() + LEASE_MS), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return false;
  const attempts = row.attempts + 1;
  const result = await deliverEmail(row, env);
  if (result.ok) {
    await db.outboxEmail.update({
      where: { id: row.id },
      data: { status: "sent", sentAt: now(), providerId: result.providerId, lockedUntil: null, lastError: null },
    });
    return true;
  }
  const giveUp = !result.retryable || attempts >= env.OUTBOX_MAX_ATTEMPTS;
  const delay = env.OUTBOX_RETRY_BASE_MS * 2 ** (attempts - 1);
  await db.outboxEmail.update({
    where: { id: row.id },
    data: {
      status: giveUp ? "failed" : "pending",
      nextAttemptAt: new Date(now().getTime() + delay),
      lockedUntil: null,
      lastError: result.error.slice(0, 500),
    },
  });
  console.warn(`[mail] ${row.template} message ${row.id}: attempt ${attempts} failed (${result.error})${giveUp ? ", giving up" : ""}`);
  return true;
}

const state = globalThis as unknown as { outboxWorker?: { stop: () => void } };

/** Starts the in-process worker once: a poll every second, and at once when woken. */
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
  const unsubscribe = onOutboxWake(() => void tick());
  state.outboxWorker = {
    stop: () => {
      clearInterval(timer);
      unsubscribe();
      state.outboxWorker = undefined;
    },
  };
  void tick();
}
