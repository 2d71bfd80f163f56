import type { Permission } from "../auth/roles";

/** Who may see undelivered mail and send it again: admins (recipients' addresses are on the page). */
export const MAIL_PERMISSION: Permission = "manage_letters";
