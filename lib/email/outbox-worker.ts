import "server-only";
import crypto from "node:crypto";
import { db, provider } from "../db";
import { isDatabaseUnavailable } from "../database-unavailable";
import { Prisma } from "../generated/prisma/client";
import { devMailboxEnabled, getEnv, type Env } from "../env";
import { forgetProcessMemory, processMemory } from "../memory/process-memory";
import { RESEND_BATCH_MAX, deliverBatch, deliverEmail, type DeliveryResult, type OutgoingEmail } from "./deliver";
import { expireOutboxMail } from "./expire-outbox-mail";
import { shownInLocalMailbox } from "./list-local-mail";
import { onOutboxWake } from "./outbox-signal";
import { retryDelayMs } from "./retry-schedule";
import { linkExpiresAt, redactEmail } from "./secret-links";
import { UPDATE_TEMPLATE } from "../updates/update-template";
import { resumeUpdateSending } from "../updates/resume-update-sending";

// Delivers the outbox. Each row is claimed with a lease (so two app processes never
// send the same row at once, and a crashed sender's rows come back), sent with an
// idempotency key, and on a provider failure retried on a capped, jittered schedule
// (retry-schedule.ts) for more than a day before it is marked failed. The outbox is
// also the record, until lib/retention/ deletes delivered and failed messages; a
// message's secret links are taken out of it once it reaches the provider (secret-links.ts).
//
// A message keeps the key under which it may have reached the provider. The claim
// writes a key on every row before anything is sent: due rows without one go together
// as one new provider batch (first attempts and retries alike), or alone under
// `outbox/<id>@<time>` when there is only one. The time in a key is when it was first
// used, for Resend forgets a key after 24 hours. While a row keeps its key it is
// offered again only under that key, with the same messages in the same order, and
// Resend answers the repeat with its first answer, sending nothing anew (an answer lost
// on every try, a sender killed before it marked the rows sent). A new batch under a
// new key would be a new request: any message in it that had gone before would go
// twice. So a key is let go only when the provider refused its first hand-over
// outright (429, 5xx: nothing went); only such rows, and rows never sent, may join a
// new batch. Outcomes are written in one transaction, so a batch's unsent rows are
// always all of it, with one next attempt time. Sent or failed, a row leaves its batch;
// a row that failed while it may have gone keeps its key, which marks it "may have
// arrived": it is never sent again.

const BATCH = RESEND_BATCH_MAX; // one claim fills one provider batch
const LEASE_MS = 60_000;
const POLL_MS = 1_000;
const WAKE_DELAY_MS = 250;
const SWEEP_MS = 60_000;
/** How often the worker looks for an update whose queueing a restart interrupted (lib/updates/). */
const UPDATES_LOOK_MS = 15_000;
/** Resend keeps an idempotency key 24 hours: a message whose answer was lost is not asked again after that (an hour to spare). */
const KEY_LIFETIME_MS = 23 * 60 * 60 * 1000;

type OutboxRow = OutgoingEmail & { attempts: number; batchKey: string; createdAt: Date };
/** `mayHaveGone`: the message may have reached the provider under its key, which it keeps. */
type Outcome = { row: OutboxRow; result: DeliveryResult; mayHaveGone: boolean };

export async function processOutbox(env: Env = getEnv(), now: () => Date = () => new Date()): Promise<number> {
  let handled = 0;
  for (;;) {
    const at = now();
    const newBatchKey = `outbox/batch-${crypto.randomUUID()}@${at.getTime()}`;
    const due = await claimDue(at, newBatchKey);
    if (due.length === 0) return handled;
    const byKey = new Map<string, OutboxRow[]>();
    for (const row of due) byKey.set(row.batchKey, [...(byKey.get(row.batchKey) ?? []), row]);
    const groups = [...byKey].map(([key, rows]) => ({
      key,
      rows,
      isNew: key === newBatchKey || key === singleKey(rows[0].id, at),
    }));
    // The provider's round trip, not the database, is the slow part: all at once.
    const outcomes = await Promise.all(
      groups.map(({ key, rows, isNew }) =>
        rows.length === 1 && key.startsWith(`outbox/${rows[0].id}@`) ? deliverAlone(key, rows[0], isNew, env) : deliverInBatch(key, rows, isNew, env),
      ),
    );
    await recordOutcomes(outcomes.flat(), env, now());
    handled += due.length;
    if (groups.every((group) => group.isNew) && due.length < BATCH) return handled;
  }
}

const singleKey = (id: string, at: Date) => `outbox/${id}@${at.getTime()}`;

/** When a key was first used: the time it carries, or for a key written before keys carried one, no later than the message. */
function keyFirstUsed(key: string, createdAt: Date): number {
  const at = /@(\d+)$/.exec(key)?.[1];
  return at ? Number(at) : createdAt.getTime();
}

async function deliverAlone(key: string, row: OutboxRow, isNew: boolean, env: Env): Promise<Outcome[]> {
  const result = await deliverEmail(row, env, { idempotencyKey: key });
  return [{ row, result, mayHaveGone: mayHaveGone(result, isNew) }];
}

/** Hands a batch over, new or again; again, its rows are all of it, so the body is the same. */
async function deliverInBatch(key: string, rows: OutboxRow[], isNew: boolean, env: Env): Promise<Outcome[]> {
  // Ordered here, not by the database: a PostgreSQL collation may order ids otherwise.
  const members = rows.toSorted((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const results = await deliverBatch(members, env, { idempotencyKey: key });
  return members.map((row, i) => ({ row, result: results[i], mayHaveGone: mayHaveGone(results[i], isNew) }));
}

/** Refused outright the first time it was handed over, nothing went; refused again, the first try may have. */
function mayHaveGone(result: DeliveryResult, isNew: boolean): boolean {
  return !result.ok && (result.answerLost || (!isNew && result.retryable));
}

// The claim and the "sent" mark are written out as SQL: they run as often as signing
// itself, and a modelled query costs ten raw ones (see signing-sql.ts). One statement
// each per batch of messages.

/**
 * Leases the next due messages: the rows of at most one key kept from before, and up
 * to BATCH others, pending or whose sender's lease ran out. Those others, when there are
 * several, become a new batch under `newBatchKey`; one alone gets its own key.
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
      SELECT "id" FROM "OutboxEmail"
      WHERE ${due} AND "batchKey" IS NULL
      ORDER BY "nextAttemptAt" LIMIT ${BATCH} ${skipLocked}
    )
    UPDATE "OutboxEmail" SET "status" = 'sending', "lockedUntil" = ${new Date(at.getTime() + LEASE_MS)}, "attempts" = "attempts" + 1,
      "batchKey" = COALESCE("batchKey",
        CASE WHEN (SELECT count(*) FROM "fresh") > 1 THEN ${newBatchKey} ELSE 'outbox/' || "id" || ${`@${at.getTime()}`} END)
    WHERE "id" IN (SELECT "id" FROM "fresh" UNION ALL SELECT "id" FROM "batchRows")
    RETURNING "id", "template", "to", "subject", "html", "text", "headers", "attempts", "batchKey", "createdAt"`;
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}

/**
 * Marks the sent rows in one statement, their secret links taken out; failures are
 * tried again later, or given up. All in one transaction when something failed, so a
 * batch's outcome is never half written.
 */
async function recordOutcomes(outcomes: Outcome[], env: Env, at: Date): Promise<void> {
  const sent = outcomes.flatMap(({ row, result }) => (result.ok ? [{ row, providerId: result.providerId }] : []));
  const markSent = sent.length > 0 && markDelivered(sent, env, at);
  // Rows keeping a key are offered again together: one next attempt for all of them.
  const keptUntil = new Map<string, { nextAttemptAt: Date; keyExpires: boolean }>();
  for (const { row, result, mayHaveGone } of outcomes) {
    if (result.ok || !mayHaveGone || keptUntil.has(row.batchKey)) continue;
    const group = outcomes.filter((o) => o.row.batchKey === row.batchKey);
    const firstUsed = Math.min(...group.map((o) => keyFirstUsed(o.row.batchKey, o.row.createdAt)));
    const nextAttemptAt = new Date(at.getTime() + retryDelayMs(Math.max(...group.map((o) => o.row.attempts)), env, { retryAfterMs: result.retryAfterMs }));
    keptUntil.set(row.batchKey, { nextAttemptAt, keyExpires: nextAttemptAt.getTime() >= firstUsed + KEY_LIFETIME_MS });
  }
  const givenUp: OutboxRow[] = [];
  const failures = outcomes.flatMap(({ row, result, mayHaveGone }) => {
    if (result.ok) return [];
    let nextAttemptAt: Date;
    let giveUp: boolean;
    let why = "";
    let expired = false;
    if (mayHaveGone) {
      // The key's lifetime, not the attempts, bounds a batch that may have gone: it stays whole.
      const kept = keptUntil.get(row.batchKey)!;
      nextAttemptAt = kept.nextAttemptAt;
      giveUp = !result.retryable || kept.keyExpires;
      if (kept.keyExpires) why = " (not asked again: the provider forgets the key after 24 hours)";
    } else {
      nextAttemptAt = new Date(at.getTime() + retryDelayMs(row.attempts, env, { retryAfterMs: result.retryAfterMs }));
      const linkExpires = linkExpiresAt(row);
      expired = linkExpires !== null && nextAttemptAt >= linkExpires;
      giveUp = !result.retryable || row.attempts >= env.OUTBOX_MAX_ATTEMPTS || expired;
      if (expired) why = " (not tried again: the link in it would have expired)";
    }
    if (giveUp) givenUp.push(row);
    console.warn(`[mail] ${row.template} message ${row.id}: attempt ${row.attempts} failed (${result.error})${giveUp ? ", giving up" : ""}`);
    // A failed message keeps its body while "send again" can use it: not once it may have
    // arrived, nor when its link is about to expire.
    const redact = giveUp && (mayHaveGone || expired);
    // updateMany: a withdrawal may have deleted the row meanwhile (lib/signer-rights),
    // and the batch's other outcomes must still be written.
    return [
      db.outboxEmail.updateMany({
        where: { id: row.id },
        data: {
          status: giveUp ? "failed" : "pending",
          nextAttemptAt,
          lockedUntil: null,
          lastError: `${result.error.slice(0, 400)}${why}`,
          ...(!mayHaveGone && { batchKey: null }),
          ...(redact && redactEmail(row)),
        },
      }),
    ];
  });
  const updates = updateOutcomes(sent.map(({ row }) => row), givenUp, at);
  if (failures.length > 0 || updates.length > 0) await db.$transaction([...(markSent ? [markSent] : []), ...failures, ...updates]);
  else if (markSent) await markSent;
}

/**
 * An update's messages (lib/updates/) write what became of them on their recipient rows,
 * which outlive the outbox's own: sent, or given up. Other messages cost nothing here.
 */
function updateOutcomes(sentRows: OutboxRow[], givenUp: OutboxRow[], at: Date) {
  const ofUpdates = (rows: OutboxRow[]) => rows.filter((row) => row.template === UPDATE_TEMPLATE).map((row) => row.id);
  const sent = ofUpdates(sentRows);
  const gaveUp = ofUpdates(givenUp);
  return [
    ...(sent.length > 0 ? [db.updateRecipient.updateMany({ where: { outboxEmailId: { in: sent } }, data: { sentAt: at, failedAt: null } })] : []),
    ...(gaveUp.length > 0 ? [db.updateRecipient.updateMany({ where: { outboxEmailId: { in: gaveUp } }, data: { failedAt: at } })] : []),
  ];
}

/** The "sent" mark, with the bodies whose secret links come out now. */
function markDelivered(sent: { row: OutboxRow; providerId: string }[], env: Env, at: Date) {
  // The local mailbox page is where a developer reads a message: it keeps the body while the link works.
  const kept = (row: OutboxRow, providerId: string) =>
    providerId.startsWith("local/") && devMailboxEnabled(true, env) && shownInLocalMailbox(row.template);
  const redacted = sent.flatMap(({ row, providerId }) => {
    if (kept(row, providerId)) return [];
    const body = redactEmail(row);
    const same = body.html === row.html && body.text === row.text && (body.headers ?? null) === (row.headers ?? null);
    return same ? [] : [{ id: row.id, ...body, headers: body.headers ?? row.headers ?? null }];
  });
  const cases = (column: "html" | "text" | "headers") =>
    Prisma.sql`CASE "id" ${Prisma.join(redacted.map((r) => Prisma.sql`WHEN ${r.id} THEN ${r[column]}`), " ")} ELSE ${Prisma.raw(`"${column}"`)} END`;
  const bodies =
    redacted.length > 0 ? Prisma.sql`, "html" = ${cases("html")}, "text" = ${cases("text")}, "headers" = ${cases("headers")}` : Prisma.empty;
  return db.$executeRaw`
    UPDATE "OutboxEmail" SET "status" = 'sent', "sentAt" = ${at}, "lockedUntil" = NULL, "lastError" = NULL, "batchKey" = NULL,
      "providerId" = CASE "id" ${Prisma.join(sent.map((s) => Prisma.sql`WHEN ${s.row.id} THEN ${s.providerId}`), " ")} END ${bodies}
    WHERE "id" IN (${Prisma.join(sent.map((s) => s.row.id))})`;
}

/** Starts the in-process worker once: a poll every second, and soon after a wake-up. */
export function startOutboxWorker(): void {
  processMemory("outbox.worker", runOutboxWorker);
}

function runOutboxWorker(): { stop: () => void } {
  let running = false;
  let again = false;
  let databaseDown = false;
  let lastSweep = 0;
  let lastUpdatesLook = 0;
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
      if (Date.now() - lastUpdatesLook >= UPDATES_LOOK_MS) {
        lastUpdatesLook = Date.now();
        // In the background: queueing an update's recipients must not hold up the mail.
        void resumeUpdateSending().catch((error) => {
          if (!isDatabaseUnavailable(error)) console.error("[updates] queueing an update failed; tried again shortly", error);
        });
      }
      if (Date.now() - lastSweep >= SWEEP_MS) {
        await expireOutboxMail({ everyRecentSent: lastSweep === 0 });
        lastSweep = Date.now();
      }
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
