import "server-only";
import { db } from "../db";
import { getEnv } from "../env";
import { roleForEmail, type Role } from "./roles";

export async function findRole(email: string | null | undefined): Promise<Role | null> {
  if (!email) return null;
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { role: true, disabledAt: true },
  });
  return roleForEmail(email, { adminEmails: getEnv().ADMIN_EMAILS, user });
}
