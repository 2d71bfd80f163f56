import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Staff } from "../auth/require-staff";

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
