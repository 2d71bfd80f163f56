import "server-only";
import { db } from "../db";
import type { WebhookEvent } from "./payloads";

// What /admin/webhooks shows: never the secret, only whether personal data goes out.

export const ENDPOINT_COLUMNS = {
  id: true, url: true, description: true, events: true, personalData: true, enabled: true, disabledAt: true, disabledReason: true,
  consecutiveFailures: true, lastDeliveredAt: true, createdAt: true, createdByEmail: true, letterId: true,
  letter: { select: { slug: true, title: true } },
} as const;

export const withEvents = <T extends { events: string }>(endpoint: T) => ({ ...endpoint, events: JSON.parse(endpoint.events) as WebhookEvent[] });

/** Every endpoint, newest first, with how many of its deliveries wait or failed. */
export async function listWebhookEndpoints() {
  const [endpoints, waiting] = await Promise.all([
    db.webhookEndpoint.findMany({ select: ENDPOINT_COLUMNS, orderBy: { createdAt: "desc" } }),
    db.webhookDelivery.groupBy({ by: ["endpointId", "status"], where: { status: { in: ["pending", "sending", "failed"] } }, _count: { _all: true } }),
  ]);
  const count = (id: string, statuses: string[]) =>
    waiting.filter((w) => w.endpointId === id && statuses.includes(w.status)).reduce((n, w) => n + w._count._all, 0);
  return endpoints.map((endpoint) => ({ ...withEvents(endpoint), waiting: count(endpoint.id, ["pending", "sending"]), failed: count(endpoint.id, ["failed"]) }));
}

export type ListedWebhookEndpoint = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];
