import "server-only";
import type { Staff } from "../auth/require-staff";
import { db } from "../db";
import { getEnv, type Env } from "../env";
import { auditWebhook, mayManageWebhooks } from "./audit-webhook";
import { newWebhookSecret, sealWebhookSecret } from "./secret-box";

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
