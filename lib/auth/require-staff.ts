import "server-only";
import { forbidden, redirect } from "next/navigation";
import { auth } from "./auth";
import { staffForSession, type Staff } from "./find-role";
import { can, type Permission } from "./roles";
import { AppError } from "../http/app-error";

export type { Staff };

/**
 * The signed-in person with their current role (re-read on every call), or null. A
 * session whose person has lost all access (disabled, or an address taken out of
 * ADMIN_EMAILS) ends here, at its next request: every session of that person is deleted.
 */
export async function currentStaff(): Promise<Staff | null> {
  const session = await auth();
  const email = session?.user?.email;
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!email || !id) return null;
  return staffForSession({ id, email });
}

/** For pages: sends strangers to sign in, and answers 403 to a role without the permission. */
export async function requireStaffPage(permission: Permission = "moderate"): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect("/admin/sign-in");
  if (!can(staff.role, permission)) forbidden();
  return staff;
}

/** For route handlers and server actions: 401 or 403 as an AppError. */
export async function requireStaff(permission: Permission = "moderate"): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) throw new AppError("unauthorized", 401);
  if (!can(staff.role, permission)) throw new AppError("forbidden", 403);
  return staff;
}
