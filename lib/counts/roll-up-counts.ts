import "server-only";
import { db, provider } from "../db";
import { retryOnBusy } from "../db-retry";
import { isDatabaseUnavailable } from "../database-unavailable";
import { Prisma } from "../generated/prisma/client";
import { forgetProcessMemory, processMemory } from "../memory/process-memory";
import { emitMilestones } from "../webhooks/emit-milestones";

// Folds the appended count changes (lib/counts/adjust-count.ts) into the counters:
// CountShard by letter, country and kind, DailyCount by letter, day and kind. Each batch
// is one transaction that deletes exactly the rows it folds, so a change is either still
// in CountChange or already in the counters, never both and never neither, and readers
// add the two (see readCounters). The roll-up is the counters' only writer: on
// PostgreSQL one process at a time rolls up (a transaction-scoped advisory lock; the
// others skip their turn), so not even servers queue on the counter rows.

const BATCH = 1_000;
const INTERVAL_MS = 1_000;
/** Where the roll-up adds. Changes counted before the roll-up existed sit on the other shards; readers sum them all. */
const SHARD = 0;
/** Outlasts the lock timeout below, so a pass held up by a lock ends by that error and a rollback. */
const TRANSACTION = { maxWait: 10_000, timeout: 20_000 };

type Queryable = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;
type Claimed = { letterId: string; country: string; kind: string; day: string; delta: number | bigint; createdAt: Date | string };
type Sum = { key: unknown[]; delta: number; at: Date };

/** Folds every pending change; returns how many this call folded. */
export async function rollUpCounts({ batchSize = BATCH }: { batchSize?: number } = {}): Promise<number> {
  let folded = 0;
  for (;;) {
    const batch = await retryOnBusy(() => db.$transaction((tx) => foldBatch(tx, batchSize), TRANSACTION));
    if (batch === null) return folded; // another process is rolling up
    folded += batch;
    if (batch < batchSize) return folded;
  }
}

/**
 * Rolls up every second in the background, one pass at a time; a failed pass is logged
 * and tried again. Returns what stops it (tests do).
 */
export function startCountRollUp(): () => void {
  return processMemory("count-roll-up", () => {
    let running = false;
    let databaseDown = false;
    const timer = setInterval(async () => {
      if (running) return;
      running = true;
      try {
        await rollUpCounts();
        databaseDown = false;
      } catch (error) {
        // An outage is said once, not every second; the counts are right meanwhile (readers add what is pending).
        if (!databaseDown) console.error(`[counts] roll-up failed, the changes stay pending: ${(error as Error).message}`);
        databaseDown = isDatabaseUnavailable(error);
      } finally {
        running = false;
      }
    }, INTERVAL_MS);
    timer.unref();
    return () => {
      clearInterval(timer);
      forgetProcessMemory("count-roll-up");
    };
  });
}

/**
 * Runs a reader's one statement over the counters and the pending changes so that it
 * sees a roll-up wholly or not at all. On PostgreSQL one statement is one snapshot. On
 * SQLite the process has one connection, and a query outside a transaction runs on it
 * between a roll-up's statements; inside a transaction it waits for the roll-up's to end.
 */
export function readCounters<T>(query: (q: Queryable) => Promise<T>): Promise<T> {
  return provider === "sqlite" ? db.$transaction((tx) => query(tx)) : query(db);
}

async function foldBatch(tx: Prisma.TransactionClient, batchSize: number): Promise<number | null> {
  const postgresql = provider === "postgresql";
  if (postgresql) {
    // The key is any constant of this app's choosing; the lock ends with the transaction.
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(4711020601) AS "locked"`;
    if (!locked) return null;
    // Should someone hold the counter rows, the pass gives its claimed changes back (they
    // stay counted, as pending) and the next one tries again.
    await tx.$executeRaw`SET LOCAL lock_timeout = '5s'`;
  }
  const claimed = await tx.$queryRaw<Claimed[]>`
    DELETE FROM "CountChange" WHERE "id" IN (
      SELECT "id" FROM "CountChange" ORDER BY "id" LIMIT ${batchSize} ${postgresql ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty})
    RETURNING "letterId", "country", "kind", "day", "delta", "createdAt"`;
  if (claimed.length === 0) return 0;

  const shards = sums(claimed, (c) => [c.letterId, c.country, c.kind]);
  const days = sums(claimed, (c) => [c.letterId, c.day, c.kind]);
  // Rows in key order, so two writers could only ever lock them in the same order.
  await tx.$executeRaw`
    INSERT INTO "CountShard" ("letterId", "country", "kind", "shard", "count", "updatedAt")
    VALUES ${Prisma.join(shards.map(({ key, delta, at }) => Prisma.sql`(${Prisma.join(key)}, ${SHARD}, ${delta}, ${at})`))}
    ON CONFLICT ("letterId", "country", "kind", "shard") DO UPDATE
    SET "count" = "CountShard"."count" + excluded."count", "updatedAt" = ${later(`"CountShard"."updatedAt"`)}`;
  await tx.$executeRaw`
    INSERT INTO "DailyCount" ("letterId", "day", "kind", "count", "updatedAt")
    VALUES ${Prisma.join(days.map(({ key, delta, at }) => Prisma.sql`(${Prisma.join(key)}, ${delta}, ${at})`))}
    ON CONFLICT ("letterId", "day", "kind") DO UPDATE
    SET "count" = "DailyCount"."count" + excluded."count", "updatedAt" = ${later(`"DailyCount"."updatedAt"`)}`;
  // The roll-up is the one writer of the totals, so it is where a total is seen to cross a milestone.
  await emitMilestones(tx, sums(claimed, (c) => [c.letterId]).map(({ key, delta }) => ({ letterId: String(key[0]), delta })));
  return claimed.length;
}

/** Net change and latest change per key, sorted by key. */
function sums(claimed: Claimed[], keyOf: (change: Claimed) => string[]): Sum[] {
  const byKey = new Map<string, Sum>();
  for (const change of claimed) {
    const key = keyOf(change);
    const id = JSON.stringify(key);
    const at = new Date(change.createdAt);
    const sum = byKey.get(id) ?? { key, delta: 0, at };
    sum.delta += Number(change.delta);
    if (at > sum.at) sum.at = at;
    byKey.set(id, sum);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, sum]) => sum);
}

/**
 * updatedAt becomes the latest change folded in (never earlier than it was), so the
 * counts' updatedAt reads the same before and after a roll-up.
 */
function later(column: string): Prisma.Sql {
  const fn = provider === "postgresql" ? "GREATEST" : "MAX"; // SQLite's MAX of two values; its dates are ISO text
  return Prisma.raw(`${fn}(${column}, excluded."updatedAt")`);
}
