import "server-only";
import type { Staff } from "../auth/require-staff";
import { db } from "../db";
import { getEnv, type Env } from "../env";
import { webhookUpdateSchema, type WebhookUpdate } from "../validation/webhook";
import { auditWebhook, mayManageWebhooks } from "./audit-webhook";
import { webhookFieldError } from "./field-error";
import { newWebhookSecret, sealWebhookSecret } from "./secret-box";

// An admin's changes to a registered endpoint, each in the audit log. Its URL does not
// change: a new address is a new endpoint, registered (and checked) as such.

/** Saves letter, events, personal data, description and on/off ("webhook.update"); false when the endpoint is gone. */
export async function updateWebhookEndpoint({ actor, input }: { actor: Staff; input: WebhookUpdate }): Promise<boolean> {
  mayManageWebhooks(actor);
  const { id, letterId, events, personalData, enabled, description } = webhookUpdateSchema.parse(input);
  if (letterId && !(await db.letter.findUnique({ where: { id: letterId }, select: { id: true } }))) {
    throw webhookFieldError("letterId", "This letter no longer exists. Choose another.");
  }
  return db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id }, select: { enabled: true, letterId: true, events: true, personalData: true } });
    if (!before) return false;
    const turnedOn = enabled && !before.enabled;
    await tx.webhookEndpoint.update({
      where: { id },
      data: {
        letterId,
        events: JSON.stringify(events),
        personalData,
        enabled,
        description,
        // Turned back on, it starts afresh; turned off by hand, it says so.
        ...(turnedOn && { disabledAt: null, disabledReason: null, consecutiveFailures: 0 }),
        ...(!enabled && before.enabled && { disabledAt: new Date(), disabledReason: `Turned off by ${actor.email}.` }),
      },
    });
    await auditWebhook(tx, actor, {
      action: "webhook.update",
      endpointId: id,
      letterId: letterId ?? before.letterId,
      detail: { events, personalData, enabled, letterId, ...(before.personalData !== personalData && { personalDataChanged: true }) },
    });
    return true;
  });
}

/** A new signing secret, returned once ("webhook.update", rotated); null when the endpoint is gone. The old one stops working at once. */
export async function rotateWebhookSecret({ actor, id, env = getEnv() }: { actor: Staff; id: string; env?: Env }): Promise<string | null> {
  mayManageWebhooks(actor);
  const secret = newWebhookSecret();
  const done = await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: { id }, data: { secretCipher: sealWebhookSecret(secret, env.AUTH_SECRET) } });
    if (count === 0) return false;
    await auditWebhook(tx, actor, { action: "webhook.update", endpointId: id, detail: { secretRotated: true } });
    return true;
  });
  return done ? secret : null;
}

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
      data: { status: "pending", nextAttemptAt: now, retryUntil: new Date(now.getTime() + 24 * 60 * 60 * 1000) },
    });
    if (count === 0) return "not_failed";
    await auditWebhook(tx, actor, { action: "webhook.send_again", endpointId: delivery.endpointId, letterId: delivery.letterId, detail: { deliveryId: id } });
    return "queued";
  });
}
