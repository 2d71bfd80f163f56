import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { UPDATE_TEMPLATE } from "./update-template";

/**
 * Inside the caller's transaction: the update messages to these signatures that have not
 * been handed to the provider are deleted, and their recipient rows say why (for the
 * figures). A message already claimed under a batch key stays: its batch must be offered
 * again exactly as it was (outbox-worker.ts), so it may still go once.
 */
export async function dropQueuedUpdates(
  tx: Prisma.TransactionClient,
  { signatureIds, why, now }: { signatureIds: string[]; why: "unsubscribed" | "withdrawn" | "moderated"; now: Date },
): Promise<number> {
  if (signatureIds.length === 0) return 0;
  const queued = await tx.outboxEmail.findMany({
    where: { signatureId: { in: signatureIds }, template: UPDATE_TEMPLATE, status: "pending", batchKey: null },
    select: { id: true },
  });
  const ids = queued.map((row) => row.id);
  if (ids.length === 0) return 0;
  await tx.updateRecipient.updateMany({ where: { outboxEmailId: { in: ids }, droppedAt: null }, data: { droppedAt: now, droppedWhy: why } });
  const { count } = await tx.outboxEmail.deleteMany({ where: { id: { in: ids }, status: "pending", batchKey: null } });
  return count;
}
