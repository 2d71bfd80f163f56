import "server-only";
import type { Staff } from "../auth/require-staff";
import { db } from "../db";
import { auditWebhook, mayManageWebhooks } from "./audit-webhook";

/** Deletes the endpoint and its delivery log ("webhook.delete"); false when it was already gone. */
export async function deleteWebhookEndpoint({ actor, id }: { actor: Staff; id: string }): Promise<boolean> {
  mayManageWebhooks(actor);
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id }, select: { url: true, letterId: true } });
    if (!endpoint) return false;
    await tx.webhookEndpoint.delete({ where: { id } });
    await auditWebhook(tx, actor, { action: "webhook.delete", endpointId: id, letterId: endpoint.letterId, detail: { url: endpoint.url } });
    return true;
  });
}
