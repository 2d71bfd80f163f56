import "server-only";
import { db } from "../db";
import { ENDPOINT_COLUMNS, withEvents } from "./list-webhook-endpoints";

export const DELIVERY_LOG_SIZE = 100;

/** One endpoint and its latest deliveries, each with its attempts, newest first; null when there is none. */
export async function getWebhookEndpoint({ id }: { id: string }) {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id }, select: ENDPOINT_COLUMNS });
  if (!endpoint) return null;
  const deliveries = await db.webhookDelivery.findMany({
    where: { endpointId: id },
    orderBy: { createdAt: "desc" },
    take: DELIVERY_LOG_SIZE,
    select: {
      id: true, event: true, status: true, attempts: true, nextAttemptAt: true, lastStatus: true, lastError: true, deliveredAt: true, createdAt: true,
      log: { orderBy: { at: "desc" }, take: 10, select: { id: true, at: true, statusCode: true, error: true, durationMs: true } },
    },
  });
  return { ...withEvents(endpoint), deliveries };
}

export type WebhookEndpointDetail = NonNullable<Awaited<ReturnType<typeof getWebhookEndpoint>>>;
