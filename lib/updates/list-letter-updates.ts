import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";

export interface UpdateFigures {
  /** Everyone the update was queued for. */
  recipients: number;
  /** In the outbox, not yet handed to the provider. */
  queued: number;
  sent: number;
  /** Given up after the outbox's retries, or refused by the provider. */
  failed: number;
  /** Recipients who stopped updates with this message's own link. */
  unsubscribed: number;
  /** Not sent: the person stopped updates, withdrew or erased their signature before it went. */
  dropped: number;
}

export const NO_FIGURES: UpdateFigures = { recipients: 0, queued: 0, sent: 0, failed: 0, unsubscribed: 0, dropped: 0 };

/** A letter's updates, newest first, each with its figures (from its recipient rows, which outlive the outbox's). */
export async function listLetterUpdates({ letterId }: { letterId: string }) {
  const updates = await db.letterUpdate.findMany({ where: { letterId }, orderBy: { createdAt: "desc" } });
  const figures = await updateFigures(updates.map((update) => update.id));
  return updates.map((update) => ({ ...update, figures: figures.get(update.id) ?? NO_FIGURES }));
}

/** Figures per update, one statement. */
export async function updateFigures(updateIds: string[]): Promise<Map<string, UpdateFigures>> {
  if (updateIds.length === 0) return new Map();
  const count = (condition: string) => Prisma.raw(`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`);
  const rows = await db.$queryRaw<Record<string, string | number | bigint | null>[]>`
    SELECT "updateId", COUNT(*) AS "recipients",
      ${count(`"sentAt" IS NOT NULL`)} AS "sent",
      ${count(`"sentAt" IS NULL AND "failedAt" IS NOT NULL`)} AS "failed",
      ${count(`"sentAt" IS NULL AND "failedAt" IS NULL AND "droppedAt" IS NOT NULL`)} AS "dropped",
      ${count(`"unsubscribedAt" IS NOT NULL`)} AS "unsubscribed"
    FROM "UpdateRecipient" WHERE "updateId" IN (${Prisma.join(updateIds)}) GROUP BY "updateId"`;
  return new Map(
    rows.map((row) => {
      const n = (key: string) => Number(row[key] ?? 0);
      const figures = { recipients: n("recipients"), sent: n("sent"), failed: n("failed"), dropped: n("dropped"), unsubscribed: n("unsubscribed") };
      return [String(row.updateId), { ...figures, queued: figures.recipients - figures.sent - figures.failed - figures.dropped }];
    }),
  );
}
