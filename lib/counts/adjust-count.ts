import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";

// A counted signature added or taken away is appended as a CountChange row, in the
// caller's transaction. An insert never waits for another transaction's row lock, so
// a busy letter's confirmations do not queue on its counter rows (the e-petitions
// lesson: "lots of +1 queries are preventing the app from reading the row"), and a lock
// held on the counters blocks no confirmation. lib/counts/roll-up-counts.ts folds the
// rows into CountShard and DailyCount in the background; readers add what is pending.

export async function adjustCount(
  tx: Prisma.TransactionClient,
  { letterId, country, kind, delta, now = new Date() }: { letterId: string; country: string; kind: string; delta: number; now?: Date },
): Promise<void> {
  // `now` says which day the change counts on (a moderator's action may be dated);
  // createdAt is when it was written, which readers show as the counts' updatedAt.
  const day = now.toISOString().slice(0, 10);
  const at = new Date();
  await tx.$executeRaw`
    INSERT INTO "CountChange" ("id", "letterId", "country", "kind", "day", "delta", "createdAt")
    VALUES (${newId(at.getTime())}, ${letterId}, ${country}, ${kind}, ${day}, ${delta}, ${at})`;
}
