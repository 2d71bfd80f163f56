import "server-only";
import type { Staff } from "../auth/require-staff";
import { db } from "../db";
import { getEnv, type Env } from "../env";
import { webhookInputSchema, type WebhookInput } from "../validation/webhook";
import { auditWebhook, mayManageWebhooks } from "./audit-webhook";
import { webhookFieldError } from "./field-error";
import { checkWebhookTarget, systemLookup, TargetRefused, type Lookup } from "./safe-target";
import { newWebhookSecret, sealWebhookSecret } from "./secret-box";

/**
 * Registers an endpoint ("webhook.create" in the audit log) once its URL passes the
 * same check every delivery makes (safe-target.ts). Returns its signing secret: the one
 * time anyone sees it.
 */
export async function createWebhookEndpoint({
  actor,
  input,
  env = getEnv(),
  lookup = systemLookup,
}: {
  actor: Staff;
  input: WebhookInput;
  env?: Env;
  lookup?: Lookup;
}): Promise<{ id: string; secret: string }> {
  mayManageWebhooks(actor);
  const { url, letterId, events, personalData, description } = webhookInputSchema.parse(input);
  const target = await checkTarget(url, env, lookup);
  if (letterId && !(await db.letter.findUnique({ where: { id: letterId }, select: { id: true } }))) {
    throw webhookFieldError("letterId", "This letter no longer exists. Choose another.");
  }
  const secret = newWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        url: target.url.href,
        letterId,
        events: JSON.stringify(events),
        personalData,
        description,
        secretCipher: sealWebhookSecret(secret, env.AUTH_SECRET),
        createdById: actor.id || null,
        createdByEmail: actor.email,
      },
    });
    await auditWebhook(tx, actor, { action: "webhook.create", endpointId: created.id, letterId, detail: { url: created.url, events, personalData } });
    return created;
  });
  return { id: endpoint.id, secret };
}

async function checkTarget(url: string, env: Env, lookup: Lookup) {
  try {
    return await checkWebhookTarget(url, { allowPrivate: env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS, lookup });
  } catch (error) {
    if (error instanceof TargetRefused) throw webhookFieldError("url", error.message);
    throw error;
  }
}
