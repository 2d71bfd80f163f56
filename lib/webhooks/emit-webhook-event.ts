import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { webhookPayloadSchemas, type WebhookEvent, type WebhookPayload } from "./payloads";

// Queues an event for every enabled endpoint that asked for it (the letter's own and
// those for all letters), inside the caller's transaction: the deliveries exist exactly
// when the change that caused them does, so an event is never lost and never invented
// (the outbox pattern). Each endpoint gets its own body, built for it: with personal data
// or without (payloads.ts says what that means), and parsed by the event's schema, so
// what goes out is what the contract documents.

/** A day of retries from the event on (webhook-worker.ts). */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

export async function emitWebhookEvent<E extends WebhookEvent>(
  tx: Prisma.TransactionClient,
  {
    event,
    letterId,
    signatureId = null,
    payload,
    now = new Date(),
  }: {
    event: E;
    letterId: string;
    /** The signature the event is about: erasing it deletes deliveries that name its signer. */
    signatureId?: string | null;
    payload: (personalData: boolean) => WebhookPayload<E>;
    now?: Date;
  },
): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { enabled: true, OR: [{ letterId }, { letterId: null }] },
    select: { id: true, events: true, personalData: true },
  });
  const listening = endpoints.filter((endpoint) => (JSON.parse(endpoint.events) as string[]).includes(event));
  if (listening.length === 0) return 0;
  const bodies = new Map<boolean, { text: string; namesSigner: boolean }>();
  const body = (personalData: boolean) => {
    if (!bodies.has(personalData)) {
      const parsed = webhookPayloadSchemas[event].parse(payload(personalData));
      bodies.set(personalData, { text: JSON.stringify(parsed), namesSigner: signatureId !== null && namesSigner(parsed) });
    }
    return bodies.get(personalData)!;
  };
  await tx.webhookDelivery.createMany({
    data: listening.map((endpoint) => ({
      endpointId: endpoint.id,
      event,
      payload: body(endpoint.personalData).text,
      // A listed signer's name is personal data too: once they withdraw, no copy of it stays or goes out.
      personal: body(endpoint.personalData).namesSigner,
      letterId,
      signatureId,
      nextAttemptAt: now,
      retryUntil: new Date(now.getTime() + RETRY_WINDOW_MS),
      createdAt: now,
    })),
  });
  return listening.length;
}

/** Whether a payload says who the signer is (a name, an email, an organisation, a website), not just that they signed. */
function namesSigner(payload: WebhookPayload): boolean {
  if (!("signature" in payload.data)) return false;
  const signature: Record<string, unknown> = payload.data.signature;
  return ["name", "email", "title", "affiliation", "organizationName", "website"].some((field) => signature[field] != null && signature[field] !== "");
}
