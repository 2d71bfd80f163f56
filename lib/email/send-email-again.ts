import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { can } from "../auth/roles";
import { AppError } from "../http/app-error";
import { recordAudit } from "../moderation/record-audit";
import { MAIL_PERMISSION } from "./mail-permission";
import { wakeOutboxWorker } from "./outbox-signal";
import { REMOVED, linkExpiresAt } from "./secret-links";

/**
 * Puts a failed message back in the outbox, with a fresh set of attempts, and records
 * it in the audit log ("email.send_again"). Only a message known not to have reached
 * the provider goes again: not one delivered, not one whose answer was lost (it may
 * have arrived; it keeps its key), and not one whose link has expired (worth nothing,
 * and its body is gone). The change is conditional on the row still being failed, so
 * two admins pressing at once send it once.
 */
export async function sendEmailAgain({ actor, id, now = new Date() }: { actor: Staff; id: string; now?: Date }): Promise<void> {
  if (!can(actor.role, MAIL_PERMISSION)) throw new AppError("forbidden", 403);
  await db.$transaction(async (tx) => {
    const mail = await tx.outboxEmail.findUnique({
      where: { id },
      select: { template: true, status: true, batchKey: true, attempts: true, lastError: true, createdAt: true, text: true },
    });
    if (!mail) throw new AppError("email_not_found", 404);
    if (mail.status !== "failed") throw new AppError("email_not_failed", 409, { values: { state: mail.status } });
    if (mail.batchKey !== null) {
      throw new AppError("email_may_have_arrived", 409);
    }
    const expires = linkExpiresAt(mail);
    if ((expires && expires <= now) || mail.text.includes(REMOVED)) {
      throw new AppError("email_expired", 410);
    }
    const { count } = await tx.outboxEmail.updateMany({
      where: { id, status: "failed", batchKey: null },
      data: { status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null },
    });
    if (count === 0) throw new AppError("email_not_failed", 409, { values: { state: "pending" } });
    await recordAudit(tx, actor, {
      action: "email.send_again",
      targetType: "email",
      targetId: id,
      detail: { template: mail.template, attempts: mail.attempts, lastError: mail.lastError ?? "" },
    });
  });
  wakeOutboxWorker();
}
