import "server-only";
import { provider } from "../db";
import { Prisma } from "../generated/prisma/client";
import { adjustCount } from "../counts/adjust-count";
import { letterChanged } from "../memory/letter-changed";
import { dropQueuedUpdates } from "../updates/drop-queued-updates";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";

// The one way a signature is taken away for good: the signer's withdrawal (by the link
// in their email, or "this was not me"), their erasure from /my-data, and the
// operator's `npm run data:erase`. What remains is what the contract allows: the counts
// history (a counted signature is taken off today) and an audit line that names no one.

/** How the signature went: the signer's link, "this was not me", their data page, or an erasure. */
export type RemovalHow = "link" | "not_me" | "my_data" | "erase";

export interface RemovedSignature {
  id: string;
  letterId: string;
  counted: boolean;
}

/**
 * Removes the signatures, inside the caller's transaction: uncounts those that counted,
 * deletes their outbox messages, marks their withdrawal links used, deletes the rows
 * (their confirmation tokens go with them) and writes one audit line each. A signature
 * already gone (a second click, two at once) is skipped: the delete says which rows it
 * took, so each is uncounted exactly once. Call `forgetRemoved` once the transaction commits.
 */
export async function removeSignatures(
  tx: Prisma.TransactionClient,
  { ids, how, actor, now = new Date() }: { ids: string[]; how: RemovalHow; actor: "signer" | "operator"; now?: Date },
): Promise<RemovedSignature[]> {
  if (ids.length === 0) return [];
  // Locked first on PostgreSQL: an update being queued for them (fill-update-recipients.ts)
  // either finishes before this goes on, so its messages are dropped below, or sees them gone.
  if (provider === "postgresql") await tx.$queryRaw`SELECT "id" FROM "Signature" WHERE "id" IN (${Prisma.join(ids)}) FOR UPDATE`;
  // Before the delete: the delete sets their signatureId to null.
  await tx.withdrawalToken.updateMany({ where: { signatureId: { in: ids }, withdrawnAt: null }, data: { withdrawnAt: now } });
  // Their consent to updates goes with the row; the updates queued for them are dropped
  // here first, so the updates' figures say why they were not sent.
  await dropQueuedUpdates(tx, { signatureIds: ids, why: "withdrawn", now });
  await tx.outboxEmail.deleteMany({ where: { signatureId: { in: ids } } });
  // Webhooks that name the signer (to an endpoint receiving personal data) go too, sent or not.
  await tx.webhookDelivery.deleteMany({ where: { signatureId: { in: ids }, personal: true } });
  // A reader's report may quote the signer, and a moderator's reason may name them: the
  // lines stay (who did what, when), their words go.
  await tx.auditLog.updateMany({ where: { targetType: "signature", targetId: { in: ids }, action: "signature.report" }, data: { detail: "{}" } });
  await tx.auditLog.updateMany({ where: { targetType: "signature", targetId: { in: ids }, reason: { not: null } }, data: { reason: null } });
  const deleted = await tx.$queryRaw<{ id: string; letterId: string; status: string; country: string; kind: string }[]>`
    DELETE FROM "Signature" WHERE "id" IN (${Prisma.join(ids)})
    RETURNING "id", "letterId", "status", "country", "kind"`;
  const letters = deleted.some((s) => s.status === "counted")
    ? await tx.letter.findMany({ where: { id: { in: deleted.map((s) => s.letterId) } }, select: { id: true, slug: true, title: true } })
    : [];
  const removed: RemovedSignature[] = [];
  for (const signature of deleted) {
    const counted = signature.status === "counted";
    if (counted) {
      await adjustCount(tx, { letterId: signature.letterId, country: signature.country, kind: signature.kind, delta: -1, now });
      const letter = letters.find((l) => l.id === signature.letterId)!;
      await emitWebhookEvent(tx, {
        event: "signature.withdrawn",
        letterId: signature.letterId,
        signatureId: signature.id,
        now,
        payload: () => ({
          type: "signature.withdrawn",
          timestamp: now.toISOString(),
          data: {
            letter: { slug: letter.slug, title: letter.title },
            signature: { id: signature.id, kind: signature.kind === "organization" ? "organization" : "individual", country: signature.country, withdrawnAt: now.toISOString() },
          },
        }),
      });
    }
    await tx.auditLog.create({
      data: {
        actorId: null,
        actorEmail: actor,
        action: how === "erase" ? "signature.erase" : "signature.withdraw",
        targetType: "signature",
        targetId: signature.id,
        letterId: signature.letterId,
        // Nothing that names the signer: no name, email, comment or network address.
        detail: JSON.stringify({ kind: signature.kind, country: signature.country, status: signature.status, counted, how }),
      },
    });
    removed.push({ id: signature.id, letterId: signature.letterId, counted });
  }
  return removed;
}

/** After the commit: every page, cache and process forgets the removed signatures' letters. */
export async function forgetRemoved(removed: RemovedSignature[]): Promise<void> {
  for (const letterId of new Set(removed.map((r) => r.letterId))) await letterChanged({ letterId, what: "letter" });
}
