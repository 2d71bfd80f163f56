import "server-only";
import { Prisma } from "../generated/prisma/client";
import { milestones } from "../counts/milestones";
import { emitWebhookEvent } from "./emit-webhook-event";

// "milestone.reached", from inside the count roll-up's transaction (roll-up-counts.ts):
// the roll-up folds changes in order and is the counters' one writer (one process at a
// time on PostgreSQL), so the counters' total before and after a batch says which
// milestones the total went past. Each is written to WebhookMilestone once, by its key:
// a total that dips below a milestone and climbs back, or a second process, sends nothing
// again.

export async function emitMilestones(tx: Prisma.TransactionClient, changes: { letterId: string; delta: number }[], now = new Date()): Promise<void> {
  const rising = changes.filter((change) => change.delta > 0);
  if (rising.length === 0) return;
  const ids = rising.map((change) => change.letterId);
  const totals = await tx.$queryRaw<{ letterId: string; total: number | bigint | null }[]>`
    SELECT "letterId", SUM("count") AS "total" FROM "CountShard" WHERE "letterId" IN (${Prisma.join(ids)}) GROUP BY "letterId"`;
  const letters = await tx.letter.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, title: true, goal: true } });
  for (const { letterId, delta } of rising) {
    const letter = letters.find((l) => l.id === letterId);
    if (!letter) continue;
    const after = Number(totals.find((t) => t.letterId === letterId)?.total ?? 0);
    const before = after - delta;
    const crossed = milestones({ total: after, goal: letter.goal, history: [] }).reached.filter((m) => m.count > before);
    for (const milestone of crossed) {
      const inserted = await tx.$executeRaw`
        INSERT INTO "WebhookMilestone" ("letterId", "count", "total", "reachedAt") VALUES (${letterId}, ${milestone.count}, ${after}, ${now})
        ON CONFLICT ("letterId", "count") DO NOTHING`;
      if (inserted === 0) continue;
      await emitWebhookEvent(tx, {
        event: "milestone.reached",
        letterId,
        now,
        payload: () => ({
          type: "milestone.reached",
          timestamp: now.toISOString(),
          data: { letter: { slug: letter.slug, title: letter.title }, milestone: { count: milestone.count, isGoal: milestone.isGoal }, total: after },
        }),
      });
    }
  }
}
