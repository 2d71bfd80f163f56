import "server-only";
import { createElement } from "react";
import { db } from "../db";
import type { Env } from "../env";
import { emailsEnqueued, enqueueEmails, renderEmail } from "../email/send-email";
import { WebhookDisabledEmail } from "../email/templates/webhook-disabled";

/**
 * Turns an endpoint off after repeated failure (webhook-worker.ts): once, however many
 * workers decide it at the same time. The audit log says so ("webhook.disable", by the
 * system) and every admin is emailed through the outbox.
 */
export async function disableWebhookEndpoint({ id, reason, now, env }: { id: string; reason: string; now: Date; env: Env }): Promise<boolean> {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id }, select: { url: true, letterId: true } });
  if (!endpoint) return false;
  const admins = await db.user.findMany({ where: { role: "admin", disabledAt: null }, select: { email: true } });
  const recipients = [...new Set([...env.ADMIN_EMAILS, ...admins.map((a) => a.email.toLowerCase())])];
  const emails = await Promise.all(
    recipients.map((to) =>
      renderEmail({
        template: "webhook-disabled",
        to,
        subject: "A webhook endpoint was turned off after repeated failures",
        element: createElement(WebhookDisabledEmail, { endpointUrl: endpoint.url, reason, adminUrl: `${env.APP_URL}/admin/webhooks/${id}` }),
      }),
    ),
  );
  const disabled = await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id, enabled: true },
      data: { enabled: false, disabledAt: now, disabledReason: reason },
    });
    if (count === 0) return false;
    await tx.auditLog.create({
      data: {
        actorId: null,
        actorEmail: "system",
        action: "webhook.disable",
        targetType: "webhook",
        targetId: id,
        letterId: endpoint.letterId,
        reason,
        detail: JSON.stringify({ url: endpoint.url }),
      },
    });
    await enqueueEmails(tx, emails, now);
    return true;
  });
  if (disabled) emailsEnqueued();
  return disabled;
}
