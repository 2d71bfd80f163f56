import "server-only";
import { db } from "../db";
import { getEnv } from "../env";
import { roleForEmail, type Role } from "./roles";

export async function findRole(email: string | null | undefined, adminEmails: readonly string[] = getEnv().ADMIN_EMAILS): Promise<Role | null> {
  if (!email) return null;
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { role: true, disabledAt: true },
  });
  return roleForEmail(email, { adminEmails, user });
}

export interface Staff {
  id: string;
  email: string;
  role: Role;
}

/** The person behind a live session with their role now; without one, their sessions are ended. */
export async function staffForSession({ id, email }: { id: string; email: string }, adminEmails?: readonly string[]): Promise<Staff | null> {
  const role = await findRole(email, adminEmails);
  if (!role) {
    await db.session.deleteMany({ where: { userId: id } });
    return null;
  }
  return { id, email, role };
}
