import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Staff } from "../auth/require-staff";
import { can } from "../auth/roles";
import { AppError } from "../http/app-error";

/** Only admins manage webhooks: checked here too, where the endpoints are touched, not only by the pages and actions. */
export function mayManageWebhooks(actor: Staff): void {
  if (!can(actor.role, "manage_webhooks")) throw new AppError("forbidden", 403);
}

/** An admin's change to an endpoint in the audit log, inside the change's transaction. The secret is never in it. */
export async function auditWebhook(
  tx: Prisma.TransactionClient,
  actor: Staff,
  { action, endpointId, letterId = null, detail = {} }: { action: string; endpointId: string; letterId?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await tx.auditLog.create({
    data: { actorId: actor.id, actorEmail: actor.email, action, targetType: "webhook", targetId: endpointId, letterId, detail: JSON.stringify(detail) },
  });
}
