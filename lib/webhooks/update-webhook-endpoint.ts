import "server-only";
import type { Staff } from "../auth/require-staff";
import { db } from "../db";
import { webhookUpdateSchema, type WebhookUpdate } from "../validation/webhook";
import { auditWebhook, mayManageWebhooks } from "./audit-webhook";
import { webhookFieldError } from "./field-error";

// The URL of a registered endpoint does not change: a new address is a new endpoint,
// registered (and checked) as such.

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
