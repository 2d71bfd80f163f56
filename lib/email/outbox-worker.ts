import "server-only";
import crypto from "node:crypto";
import { db, provider } from "../db";
import { isDatabaseUnavailable } from "../database-unavailable";
import { Prisma } from "../generated/prisma/client";
import { getEnv, type Env } from "../env";
import { forgetProcessMemory, processMemory } from "../memory/process-memory";
import { RESEND_BATCH_MAX, deliverBatch, deliverEmail, type DeliveryResult, type OutgoingEmail } from "./deliver";
import { onOutboxWake } from "./outbox-signal";

// Delivers the outbox. Each row is claimed with a lease (so two app processes never
// send the same row at once, and a crashed sender's rows come back), sent with an
// idempotency key, and on a provider failure retried with exponential backoff until
// the last attempt marks it failed. Nothing is deleted: the outbox is also the record.
//
// A message keeps the key under which it may have reached the provider. First attempts
// go out together as one provider batch, whose key the claim writes on their rows before
// anything is sent; while a row keeps that key it is offered again only in that batch,
// whole, in the same order and under the same key, and Resend answers the repeat with
// its first answer, sending nothing anew (an answer lost on every try, a sender killed
// before it marked the rows sent). Outcomes are written in one transaction, so a
// batch's unsent rows are always all of it. A batch refused outright the first time it
// is handed over (429, 5xx: nothing went) lets its rows go; they, later retries and a
// lone message go one by one under `outbox/<id>`. Sent or failed, a row leaves its batch.

const BATCH = RESEND_BATCH_MAX; // one claim fills one provider batch
const LEASE_MS = 60_000;
const POLL_MS = 1_000;
const WAKE_DELAY_MS = 250;
/** Resend keeps an idempotency key 24 hours: a message whose answer was lost is not asked again after that (an hour to spare). */
const KEY_LIFETIME_MS = 23 * 60 * 60 * 1000;

type OutboxRow = OutgoingEmail & { attempts: number; batchKey: string | null; createdAt: Date };
type Outcome = { row: OutboxRow; result: DeliveryResult; leavesBatch?: boolean };

export async function processOutbox(env: Env = getEnv(), now: () => Date = () => new Date()): Promise<number> {
  let handled = 0;
  for (;;) {
    const newBatchKey = `outbox/batch-${crypto.randomUUID()}`;
    const due = await claimDue(now(), newBatchKey);
    if (due.length === 0) return handled;
    const batches = new Map<string, OutboxRow[]>();
    for (const row of due) if (row.batchKey) batches.set(row.batchKey, [...(batches.get(row.batchKey) ?? []), row]);
    const singles = due.filter((row) => !row.batchKey);
    // The provider's round trip, not the database, is the slow part: all at once.
    const outcomes = await Promise.all([
      ...[...batches].map(([key, rows]) => deliverInBatch(key, rows, key === newBatchKey, env)),
      ...singles.map(async (row): Promise<Outcome[]> => [{ row, result: await deliverEmail(row, env) }]),
    ]);
    await recordOutcomes(outcomes.flat(), env, now());
    handled += due.length;
    const reoffered = [...batches.keys()].some((key) => key !== newBatchKey);
    if (!reoffered && due.length < BATCH) return handled;
  }
}

/** Hands a batch over, new or again; again, its rows are all of it, so the body is the same. */
async function deliverInBatch(key: string, rows: OutboxRow[], isNew: boolean, env: Env): Promise<Outcome[]> {
  // Ordered here, not by the database: a PostgreSQL collation may order ids otherwise.
  const members = rows.toSorted((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const results = await deliverBatch(members, env, { idempotencyKey: key });
  return members.map((row, i) => {
    const result = results[i];
    // Refused outright the first time it was handed over: nothing went, the messages may go alone.
    return { row, result, leavesBatch: isNew && !result.ok && result.retryable && !result.answerLost };
  });
}

// The claim and the "sent" mark are written out as SQL: they run as often as signing
// itself, and a modelled query costs ten raw ones (see signing-sql.ts). One statement
// each per batch of messages.

/**
 * Leases the next due messages: the rows of at most one batch handed over before, and
 * up to BATCH others, pending or whose sender's lease ran out. The first attempts among
 * those, when there are several, become a new batch under `newBatchKey`.
 *
 * On PostgreSQL concurrent claimers skip each other's rows (FOR UPDATE SKIP LOCKED)
 * instead of waiting. A batch is claimed through one row, its first due one, so two
 * claimers never split it; its other rows are then locked and found still due (a sender
 * whose lease ran out may just have marked them). SQLite has one writer at a time: the
 * same statement, without the locking clauses.
 */
async function claimDue(at: Date, newBatchKey: string): Promise<OutboxRow[]> {
  const postgresql = provider === "postgresql";
  const skipLocked = postgresql ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const locked = postgresql ? Prisma.sql`FOR UPDATE` : Prisma.empty;
  const due = Prisma.sql`(("status" = 'pending' AND "nextAttemptAt" <= ${at}) OR ("status" = 'sending' AND "lockedUntil" < ${at}))`;
  const rows = await db.$queryRaw<(OutboxRow & { attempts: number | bigint })[]>`
    WITH "batch" AS MATERIALIZED (
      SELECT "batchKey" FROM "OutboxEmail"
      WHERE ${due} AND "id" = (
        SELECT min("id") FROM "OutboxEmail" WHERE ${due} AND "batchKey" = (
          SELECT "batchKey" FROM "OutboxEmail" WHERE ${due} AND "batchKey" IS NOT NULL ORDER BY "nextAttemptAt" LIMIT 1))
      ${skipLocked}
    ), "batchRows" AS MATERIALIZED (
      SELECT "id" FROM "OutboxEmail" WHERE ${due} AND "batchKey" = (SELECT "batchKey" FROM "batch") ${locked}
    ), "fresh" AS MATERIALIZED (
      SELECT "id", "attempts" FROM "OutboxEmail"
      WHERE ${due} AND "batchKey" IS NULL
      ORDER BY "nextAttemptAt" LIMIT ${BATCH} ${skipLocked}
    )
    UPDATE "OutboxEmail" SET "status" = 'sending', "lockedUntil" = ${new Date(at.getTime() + LEASE_MS)}, "attempts" = "attempts" + 1,
      "batchKey" = COALESCE("batchKey",
        CASE WHEN "attempts" = 0 AND (SELECT count(*) FROM "fresh" AS f WHERE f."attempts" = 0) > 1 THEN ${newBatchKey} END)
    WHERE "id" IN (SELECT "id" FROM "fresh" UNION ALL SELECT "id" FROM "batchRows")
    RETURNING "id", "template", "to", "subject", "html", "text", "attempts", "batchKey", "createdAt"`;
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}

/**
 * Marks the sent rows in one statement; failures try again later with a doubling delay,
 * or give up after the last attempt. All in one transaction when something failed, so
 * a batch's outcome is never half written.
 */
async function recordOutcomes(outcomes: Outcome[], env: Env, at: Date): Promise<void> {
  const sent = outcomes.flatMap(({ row, result }) => (result.ok ? [{ id: row.id, providerId: result.providerId }] : []));
  const markSent =
    sent.length > 0 &&
    db.$executeRaw`
      UPDATE "OutboxEmail" SET "status" = 'sent', "sentAt" = ${at}, "lockedUntil" = NULL, "lastError" = NULL, "batchKey" = NULL,
        "providerId" = CASE "id" ${Prisma.join(sent.map((s) => Prisma.sql`WHEN ${s.id} THEN ${s.providerId}`), " ")} END
      WHERE "id" IN (${Prisma.join(sent.map((s) => s.id))})`;
  const failures = outcomes.flatMap(({ row, result, leavesBatch }) => {
    if (result.ok) return [];
    const nextAttemptAt = new Date(at.getTime() + env.OUTBOX_RETRY_BASE_MS * 2 ** (row.attempts - 1));
    const keyExpires = result.answerLost && nextAttemptAt.getTime() >= row.createdAt.getTime() + KEY_LIFETIME_MS;
    const giveUp = !result.retryable || row.attempts >= env.OUTBOX_MAX_ATTEMPTS || keyExpires;
    console.warn(`[mail] ${row.template} message ${row.id}: attempt ${row.attempts} failed (${result.error})${giveUp ? ", giving up" : ""}`);
    return [
      db.outboxEmail.update({
        where: { id: row.id },
        data: {
          status: giveUp ? "failed" : "pending",
          nextAttemptAt,
          lockedUntil: null,
          lastError: `${result.error.slice(0, 400)}${keyExpires ? " (not asked again: the provider forgets the key after 24 hours)" : ""}`,
          ...((giveUp || leavesBatch) && { batchKey: null }),
        },
      }),
    ];
  });
  if (failures.length > 0) await db.$transaction([...(markSent ? [markSent] : []), ...failures]);
  else if (markSent) await markSent;
}

/** Starts the in-process worker once: a poll every second, and soon after a wake-up. */
export function startOutboxWorker(): void {
  processMemory("outbox.worker", runOutboxWorker);
}

function runOutboxWorker(): { stop: () => void } {
  let running = false;
  let again = false;
  let databaseDown = false;
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
      if (databaseDown) console.warn("[mail] the database answers again: delivering the outbox");
      databaseDown = false;
    } catch (error) {
      // An outage is said once, not every second; mail waits in the outbox meanwhile.
      if (!isDatabaseUnavailable(error)) console.error("[mail] outbox worker error", error);
      else if (!databaseDown) console.warn(`[mail] the database is not answering: mail waits in the outbox (${(error as Error).message})`);
      databaseDown = isDatabaseUnavailable(error);
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
  void tick();
  return {
    stop: () => {
      clearInterval(timer);
      unsubscribe();
      forgetProcessMemory("outbox.worker");
    },
  };
}
