import "server-only";
import { db } from "../db";
import type { PersonInput } from "../validation/person";

/**
 * `npm run admin:add`: the operator, at the machine, lets an address in with a role.
 * Creates the person or gives them the role (and re-enables them). The audit entry has
 * no actor account, since the operator signs in nowhere; actorEmail says where it came from.
 */
export async function operatorAddPerson({ input }: { input: PersonInput }): Promise<"added" | "updated" | "unchanged"> {
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, role: true, disabledAt: true } });
    if (existing && existing.role === input.role && !existing.disabledAt) return "unchanged";
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { role: input.role, disabledAt: null }, select: { id: true } })
      : await tx.user.create({ data: { email: input.email, role: input.role }, select: { id: true } });
    await tx.auditLog.create({
      data: {
        actorId: null,
        actorEmail: "operator (npm run admin:add)",
        action: existing ? "user.role" : "user.add",
        targetType: "user",
        targetId: user.id,
        detail: JSON.stringify({ email: input.email, role: input.role, ...(existing ? { from: existing.role, reenabled: !!existing.disabledAt } : {}) }),
      },
    });
    return existing ? "updated" : "added";
  });
}
