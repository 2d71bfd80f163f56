import "server-only";
import { db } from "../db";
import { runExclusively } from "../memory/run-exclusively";
import { runRetention, type RetentionCounts } from "./run-retention";

/**
 * Runs retention unless it is running already, here or (on PostgreSQL) in another
 * process (runExclusively); returns its counts, or null when this call did nothing. With
 * `unlessRanSince`, a run that another process finished since then (its "retention.run"
 * audit line) is not repeated: the daily job's way to run once a day however many processes.
 */
export function runRetentionExclusively({
  now,
  unlessRanSince,
  run = runRetention,
}: { now?: Date; unlessRanSince?: Date; run?: typeof runRetention } = {}): Promise<RetentionCounts | null> {
  return runExclusively(
    "retention",
    async () => {
      const done = unlessRanSince && (await db.auditLog.findFirst({ where: { action: "retention.run", createdAt: { gte: unlessRanSince } }, select: { id: true } }));
      return done ? null : run({ now });
    },
    null,
  );
}
