import "server-only";
import pg from "pg";
import { db, provider } from "../db";
import { getEnv } from "../env";
import { processMemory } from "../memory/process-memory";
import { runRetention, type RetentionCounts } from "./run-retention";

/** Any constant of this app's choosing (the counts' roll-up holds 4711020601). */
const LOCK_KEY = "4711020602";

/**
 * Runs retention unless it is running already, here or (on PostgreSQL) in another
 * process; returns its counts, or null when this call did nothing. On PostgreSQL the run holds a session advisory lock on a connection of its
 * own for its whole length (its batches are many short transactions on the shared
 * pool); a process that dies releases it with its connection. With `unlessRanSince`,
 * a run that another process finished since then (its "retention.run" audit line)
 * is not repeated: the daily job's way to run once a day however many processes.
 */
export async function runRetentionExclusively({
  now,
  unlessRanSince,
  run = runRetention,
}: { now?: Date; unlessRanSince?: Date; run?: typeof runRetention } = {}): Promise<RetentionCounts | null> {
  const inProcess = processMemory("retention.running", () => ({ running: false }));
  if (inProcess.running) return null;
  inProcess.running = true;
  const runUnlessDone = async () => {
    const done = unlessRanSince && (await db.auditLog.findFirst({ where: { action: "retention.run", createdAt: { gte: unlessRanSince } }, select: { id: true } }));
    return done ? null : run({ now });
  };
  try {
    if (provider !== "postgresql") return await runUnlessDone();
    const client = new pg.Client({ connectionString: getEnv().DATABASE_URL, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS "locked"`);
      if (!rows[0].locked) return null;
      try {
        return await runUnlessDone();
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
      }
    } finally {
      await client.end();
    }
  } finally {
    inProcess.running = false;
  }
}
