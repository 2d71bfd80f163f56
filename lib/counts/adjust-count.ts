import "server-only";
import type { Prisma } from "../generated/prisma/client";

// Counted signatures live in sharded counter rows: a change goes to one of SHARDS rows
// chosen at random, so concurrent confirmations on PostgreSQL do not queue on a single
// row (the e-petitions lesson), and readers sum the shards.
export const SHARDS = 8;

export async function adjustCount(
  tx: Prisma.TransactionClient,
  { letterId, country, kind, delta, now = new Date() }: { letterId: string; country: string; kind: string; delta: number; now?: Date },
): Promise<void> {
  const shard = Math.floor(Math.random() * SHARDS);
  await tx.countShard.upsert({
    where: { letterId_country_kind_shard: { letterId, country, kind, shard } },
    create: { letterId, country, kind, shard, count: delta },
    update: { count: { increment: delta } },
  });
  // The day's net change, for the history (one row per letter, day and kind).
  const day = now.toISOString().slice(0, 10);
  await tx.dailyCount.upsert({
    where: { letterId_day_kind: { letterId, day, kind } },
    create: { letterId, day, kind, count: delta },
    update: { count: { increment: delta } },
  });
}
