import "server-only";
import type { Staff } from "../auth/require-staff";
import { db } from "../db";
import { auditWebhook, mayManageWebhooks } from "./audit-webhook";
import { RETRY_WINDOW_MS } from "./emit-webhook-event";

export type SendAgainOutcome = "queued" | "not_found" | "not_failed" | "endpoint_off";

/**
 * Queues a failed delivery for a new attempt now, with a new day of retries
 * ("webhook.send_again"). Same body and same webhook-id: a receiver that did get it
 * after all can tell it is a repeat.
 */
export async function sendWebhookAgain({ actor, id, now = new Date() }: { actor: Staff; id: string; now?: Date }): Promise<SendAgainOutcome> {
  mayManageWebhooks(actor);
  return db.$transaction(async (tx) => {
    const delivery = await tx.webhookDelivery.findUnique({ where: { id }, select: { status: true, endpointId: true, letterId: true, endpoint: { select: { enabled: true } } } });
    if (!delivery) return "not_found";
    if (!delivery.endpoint.enabled) return "endpoint_off";
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id, status: "failed" },
      data: { status: "pending", nextAttemptAt: now, retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS) },
    });
    if (count === 0) return "not_failed";
    await auditWebhook(tx, actor, { action: "webhook.send_again", endpointId: delivery.endpointId, letterId: delivery.letterId, detail: { deliveryId: id } });
    return "queued";
  });
}
