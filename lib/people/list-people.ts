import "server-only";
import { db } from "../db";
import { getEnv } from "../env";
import { isRole } from "../auth/roles";

export interface Person {
  id: string | null;
  email: string;
  role: string;
  addedBy: string | null;
  disabled: boolean;
  /** Listed in ADMIN_EMAILS: an admin whatever the database says, and not editable here. */
  fromEnv: boolean;
  createdAt: Date | null;
}

/** Everyone who may sign in: the people admins added, and the ADMIN_EMAILS addresses. */
export async function listPeople(): Promise<Person[]> {
  const users = await db.user.findMany({
    select: { id: true, email: true, role: true, disabledAt: true, addedById: true, createdAt: true },
    orderBy: { email: "asc" },
  });
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  const adminEmails = new Set(getEnv().ADMIN_EMAILS);
  // An account without a role of its own (made at a first sign-in through ADMIN_EMAILS,
  // since removed from it) has no access, and is not listed.
  const people: Person[] = users.filter((u) => adminEmails.has(u.email) || isRole(u.role)).map((u) => ({
    id: u.id,
    email: u.email,
    role: adminEmails.has(u.email) ? "admin" : u.role,
    addedBy: u.addedById ? (emailOf.get(u.addedById) ?? "(removed)") : null,
    disabled: !adminEmails.has(u.email) && u.disabledAt !== null,
    fromEnv: adminEmails.has(u.email),
    createdAt: u.createdAt,
  }));
  for (const email of adminEmails) {
    if (!users.some((u) => u.email === email)) {
      people.push({ id: null, email, role: "admin", addedBy: null, disabled: false, fromEnv: true, createdAt: null });
    }
  }
  return people.sort((a, b) => Number(b.fromEnv) - Number(a.fromEnv) || a.email.localeCompare(b.email));
}
