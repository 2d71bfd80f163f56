import "server-only";
import { db } from "../db";
import { adjustCount } from "../counts/adjust-count";
import { letterChanged } from "../memory/letter-changed";
import { AppError } from "../http/app-error";
import type { Staff } from "../auth/require-staff";
import { recordAudit } from "./record-audit";
import { retryOnBusy } from "../db-retry";
import { dropQueuedUpdates } from "../updates/drop-queued-updates";
import { updateRecipientStatuses } from "../updates/update-recipients";
import { emitWebhookEvent } from "../webhooks/emit-webhook-event";
import { SIGNATURE_FOR_WEBHOOK, signatureRef } from "../webhooks/signature-payload";
import { countDelta, needsReason, transition, type ModerationAction } from "./transitions";

export interface ModerationResult {
  changed: number;
  skipped: number;
}

/**
 * Applies one moderation action to the given signatures. Each signature's new state,
 * its counter change and its audit entry are written in one transaction, so counts
 * never drift from states. Signatures the action does not apply to are skipped.
 */
export async function moderateSignatures({
  actor,
  ids,
  action,
  reason,
  auditEach = true,
  batchAudit,
  now = new Date(),
}: {
  actor: Staff;
  ids: string[];
  action: ModerationAction;
  reason?: string | null;
  /** false for bulk runs over a filter, which log one entry per batch (batchAudit) instead */
  auditEach?: boolean;
  batchAudit?: { letterId: string; detail: Record<string, unknown> };
  now?: Date;
}): Promise<ModerationResult> {
  const why = reason?.trim() || null;
  ids = [...new Set(ids)];
  if (needsReason(action) && !why) {
    throw new AppError("reason_required", 422, { fields: { reason: ["A reason is required."] } });
  }
  const letters = new Set<string>();
  const result = await retryOnBusy(() => db.$transaction(async (tx) => {
    const signatures = await tx.signature.findMany({
      where: { id: { in: ids } },
      select: { ...SIGNATURE_FOR_WEBHOOK, letterId: true, flags: true, letter: { select: { slug: true, title: true } } },
    });
    let changed = 0;
    for (const signature of signatures) {
      const next = transition(action, signature);
      if (!next || (next.to === signature.status && (!next.clearFlags || signature.flags === ""))) continue;
      const updated = await tx.signature.updateMany({
        where: { id: signature.id, status: signature.status },
        data: {
          status: next.to,
          flags: next.clearFlags ? "" : undefined,
          moderatedAt: now,
          moderationReason: why,
          countedAt: next.to === "counted" && signature.status !== "counted" ? now : undefined,
        },
      });
      if (updated.count === 0) continue;
      const delta = countDelta(signature.status, next.to);
      if (delta !== 0) {
        await adjustCount(tx, { letterId: signature.letterId, country: signature.country, kind: signature.kind, delta, now });
      }
      // Rejected, hidden or fraud: no update reaches them, nor one queued before this.
      if (!updateRecipientStatuses.includes(next.to)) await dropQueuedUpdates(tx, { signatureIds: [signature.id], why: "moderated", now });
      if (signature.kind === "organization" && signature.status === "awaiting_review" && next.to === "counted") {
        await emitWebhookEvent(tx, {
          event: "organization.approved",
          letterId: signature.letterId,
          signatureId: signature.id,
          now,
          payload: (personalData) => ({
            type: "organization.approved",
            timestamp: now.toISOString(),
            data: {
              letter: signature.letter,
              signature: { ...signatureRef({ ...signature, status: "counted" }, personalData), kind: "organization", status: "counted" },
            },
          }),
        });
      }
      if (auditEach) {
        await recordAudit(tx, actor, {
          action: `signature.${action}`,
          targetType: "signature",
          targetId: signature.id,
          letterId: signature.letterId,
          reason: why,
          detail: { from: signature.status, to: next.to },
        });
      }
      letters.add(signature.letterId);
      changed += 1;
    }
    if (batchAudit && changed > 0) {
      // In the batch's own transaction: a run cut short still has its changes logged.
      await recordAudit(tx, actor, {
        action: `signature.bulk_${action}`,
        targetType: "signature",
        letterId: batchAudit.letterId,
        reason: why,
        detail: { ...batchAudit.detail, changed, skipped: ids.length - changed },
      });
    }
    return { changed, skipped: ids.length - changed };
  }));
  // Counts and the public list changed: every process shows it at once.
  for (const letterId of letters) await letterChanged({ letterId, what: "letter" });
  return result;
}
