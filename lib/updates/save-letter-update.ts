import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { AppError, letterNotFound } from "../http/app-error";
import { recordAudit } from "../moderation/record-audit";
import { letterUpdateInputSchema, type LetterUpdateInput } from "../validation/letter-update";
import { requireSendUpdates } from "./require-send-updates";

/**
 * Saves an update's subject and text: a new draft (no `id`), or a draft changed. An update
 * that is being sent or was sent is read-only. Audited as update.save.
 */
export async function saveLetterUpdate({
  actor,
  slug,
  id,
  input,
}: {
  actor: Staff;
  slug: string;
  id?: string;
  input: LetterUpdateInput;
}): Promise<{ id: string }> {
  requireSendUpdates(actor);
  const { subject, body } = letterUpdateInputSchema.parse(input);
  const letter = await db.letter.findUnique({ where: { slug }, select: { id: true } });
  if (!letter) throw letterNotFound();
  return db.$transaction(async (tx) => {
    let updateId = id;
    if (updateId) {
      const { count } = await tx.letterUpdate.updateMany({ where: { id: updateId, letterId: letter.id, status: "draft" }, data: { subject, body } });
      if (count === 0) {
        const exists = await tx.letterUpdate.findFirst({ where: { id: updateId, letterId: letter.id }, select: { id: true } });
        throw exists ? new AppError("update_sent", 409) : new AppError("update_not_found", 404);
      }
    } else {
      updateId = (await tx.letterUpdate.create({ data: { letterId: letter.id, subject, body, createdByEmail: actor.email } })).id;
    }
    await recordAudit(tx, actor, {
      action: "update.save",
      targetType: "letter",
      targetId: letter.id,
      letterId: letter.id,
      detail: { updateId, subject, created: !id },
    });
    return { id: updateId };
  });
}
