import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import type { Role } from "../auth/roles";
import { AppError } from "../http/app-error";
import { recordAudit } from "../moderation/record-audit";

/** Gives someone another role; "user.role" with before and after. Not one's own role: no admin locks themselves out. */
export async function changeRole({ actor, userId, role }: { actor: Staff; userId: string; role: Role }) {
  if (userId === actor.id) throw new AppError("own_account", 422, { values: { change: "role" } });
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true } });
    if (!user) throw new AppError("person_not_found", 404);
    if (user.role === role) return;
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, actor, {
      action: "user.role",
      targetType: "user",
      targetId: userId,
      detail: { email: user.email, from: user.role, to: role },
    });
  });
}
