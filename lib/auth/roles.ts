// Who may do what in /admin. Admins do everything; moderators moderate and export.

export const ROLES = ["admin", "moderator"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "moderate" | "export" | "manage_letters" | "manage_people" | "read_audit" | "manage_blocks"
  // writing and sending updates to signers who asked for news; registering webhooks
  | "send_updates" | "manage_webhooks";

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ["moderate", "export", "manage_letters", "manage_people", "read_audit", "manage_blocks", "send_updates", "manage_webhooks"],
  moderator: ["moderate", "export"],
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && GRANTS[role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * The role an address signs in with: admin when listed in ADMIN_EMAILS, else the role
 * an admin gave its account, else none (not allowed in).
 */
export function roleForEmail(
  email: string | null | undefined,
  { adminEmails, user }: { adminEmails: readonly string[]; user: { role: string; disabledAt: Date | null } | null },
): Role | null {
  if (!email) return null;
  if (adminEmails.includes(email.trim().toLowerCase())) return "admin";
  if (!user || user.disabledAt || !isRole(user.role)) return null;
  return user.role;
}
