import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { AppError } from "../http/app-error";
import { isRole } from "../auth/roles";
import { recordAudit } from "../moderation/record-audit";
import type { PersonInput } from "../validation/person";

/** Lets a new address sign in with a role; "user.add" in the audit log. */
export async function addPerson({ actor, input }: { actor: Staff; input: PersonInput }) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true, role: true } });
  if (existing && isRole(existing.role)) {
    throw new AppError("person_exists", 422, {
      fields: { email: ["This person is already on the list: change their role or enable them there."] },
    });
  }
  return db.$transaction(async (tx) => {
    // An account with no role of its own (see list-people.ts) is given one, as if new.
    const data = { role: input.role, addedById: actor.id, disabledAt: null };
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.user.create({ data: { email: input.email, ...data }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: "user.add",
      targetType: "user",
      targetId: user.id,
      detail: { email: input.email, role: input.role },
    });
    return user;
  });
}
