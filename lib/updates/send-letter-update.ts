import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { AppError } from "../http/app-error";
import { recordAudit } from "../moderation/record-audit";
import { countUpdateRecipients } from "./update-recipients";
import { requireSendUpdates } from "./require-send-updates";
import { resumeUpdateSending } from "./resume-update-sending";

/**
 * Sends a draft update to the letter's signers who asked for news: it becomes "sending"
 * (read-only from now on) and is audited as update.send, in one transaction; its
 * recipients and their messages are then written in chunks in the background
 * (fill-update-recipients.ts), resumed by the outbox worker after a restart.
 */
export async function sendLetterUpdate({ actor, slug, id, now = new Date() }: { actor: Staff; slug: string; id: string; now?: Date }) {
  requireSendUpdates(actor);
  const update = await db.letterUpdate.findFirst({ where: { id, letter: { slug } }, select: { id: true, letterId: true, subject: true } });
  if (!update) throw new AppError("update_not_found", 404);
  const eligible = await countUpdateRecipients({ letterId: update.letterId });
  await db.$transaction(async (tx) => {
    const { count } = await tx.letterUpdate.updateMany({ where: { id, status: "draft" }, data: { status: "sending", sendStartedAt: now } });
    if (count === 0) throw new AppError("update_sent", 409);
    await recordAudit(tx, actor, {
      action: "update.send",
      targetType: "letter",
      targetId: update.letterId,
      letterId: update.letterId,
      detail: { updateId: id, subject: update.subject, eligible },
    });
  });
  void resumeUpdateSending().catch((error) => console.error("[updates] queueing an update failed; the outbox worker tries again", error));
  return { eligible };
}
