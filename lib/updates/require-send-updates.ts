import "server-only";
import type { Staff } from "../auth/require-staff";
import { can } from "../auth/roles";
import { AppError } from "../http/app-error";

/** Writing, testing and sending updates is an admin's: checked where the data is touched, whoever calls. */
export function requireSendUpdates(actor: Staff): void {
  if (!can(actor.role, "send_updates")) throw new AppError("forbidden", 403);
}
