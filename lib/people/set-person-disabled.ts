import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { AppError } from "../http/app-error";
import { recordAudit } from "../moderation/record-audit";

/**
 * Disables or enables someone's access; "user.disable" with the new state. Disabling
 * also ends their open sessions, so it takes effect at once rather than at next sign-in.
 */
export async function setPersonDisabled({ actor, userId, disabled, now = new Date() }: { actor: Staff; userId: string; disabled: boolean; now?: Date }) {
  if (userId === actor.id) throw new AppError("own_account", 422, { values: { change: "disabled" } });
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, disabledAt: true } });
    if (!user) throw new AppError("person_not_found", 404);
    if ((user.disabledAt !== null) === disabled) return;
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? now : null } });
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, actor, {
      action: "user.disable",
      targetType: "user",
      targetId: userId,
      detail: { email: user.email, disabled },
    });
  });
}
