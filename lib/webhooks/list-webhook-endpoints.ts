import "server-only";
import { db } from "../db";
import type { WebhookEvent } from "./payloads";

// What /admin/webhooks shows: never the secret, only whether personal data goes out.

const ENDPOINT = {
  id: true, url: true, description: true, events: true, personalData: true, enabled: true, disabledAt: true, disabledReason: true,
  consecutiveFailures: true, lastDeliveredAt: true, createdAt: true, createdByEmail: true, letterId: true,
  letter: { select: { slug: true, title: true } },
} as const;

const withEvents = <T extends { events: string }>(endpoint: T) => ({ ...endpoint, events: JSON.parse(endpoint.events) as WebhookEvent[] });

/** Every endpoint, newest first, with how many of its deliveries wait or failed. */
export async function listWebhookEndpoints() {
  const [endpoints, waiting] = await Promise.all([
    db.webhookEndpoint.findMany({ select: ENDPOINT, orderBy: { createdAt: "desc" } }),
    db.webhookDelivery.groupBy({ by: ["endpointId", "status"], where: { status: { in: ["pending", "sending", "failed"] } }, _count: { _all: true } }),
  ]);
  const count = (id: string, statuses: string[]) =>
    waiting.filter((w) => w.endpointId === id && statuses.includes(w.status)).reduce((n, w) => n + w._count._all, 0);
  return endpoints.map((endpoint) => ({ ...withEvents(endpoint), waiting: count(endpoint.id, ["pending", "sending"]), failed: count(endpoint.id, ["failed"]) }));
}

export type ListedWebhookEndpoint = Awaited<ReturnType<typeof listWebhookEndpoints>>[number];

export const DELIVERY_LOG_SIZE = 100;

/** One endpoint and its latest deliveries, each with its attempts, newest first; null when there is none. */
export async function getWebhookEndpoint({ id }: { id: string }) {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id }, select: ENDPOINT });
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

/** Letters to choose from in the forms. */
export function webhookLetterChoices() {
  return db.letter.findMany({ select: { id: true, title: true, status: true }, orderBy: { createdAt: "desc" } });
}
