import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { emailsEnqueued, enqueueEmail } from "../email/send-email";
import { AppError } from "../http/app-error";
import { recordAudit } from "../moderation/record-audit";
import { createToken } from "../signatures/tokens";
import { getLetterUpdate } from "./get-letter-update";
import { renderUpdateEmail } from "./render-update-email";
import { requireSendUpdates } from "./require-send-updates";

/**
 * A copy of the update, marked as a test, to the signed-in admin's own address through the
 * outbox, in English (the admin area's language). Its unsubscribe link is a token no
 * signer holds: it stops nothing. Audited as update.test_send.
 */
export async function sendTestUpdate({ actor, slug, id }: { actor: Staff; slug: string; id: string }): Promise<{ to: string }> {
  requireSendUpdates(actor);
  const update = await getLetterUpdate({ slug, id });
  if (!update) throw new AppError("update_not_found", 404);
  const email = await renderUpdateEmail({ update, to: actor.email, language: "en", token: createToken().token, test: true });
  await db.$transaction(async (tx) => {
    await enqueueEmail(tx, email);
    await recordAudit(tx, actor, {
      action: "update.test_send",
      targetType: "letter",
      targetId: update.letter.id,
      letterId: update.letter.id,
      detail: { updateId: update.id, subject: update.subject },
    });
  });
  emailsEnqueued();
  return { to: actor.email };
}
