import "server-only";
import { db } from "../db";

// A letter's deliveries, oldest first, as its page's timeline and the admin page show
// them: everything but the photo's bytes (the photo has its own address).

export async function listDeliveries({ letterId }: { letterId: string }) {
  const rows = await db.letterDelivery.findMany({
    where: { letterId },
    orderBy: [{ deliveredOn: "asc" }, { createdAt: "asc" }],
    select: {
      id: true, deliveredTo: true, deliveredOn: true, method: true, link: true, note: true, photoDigest: true,
      responseReceivedOn: true, responseFrom: true, responseText: true,
    },
  });
  return rows;
}

export type Delivery = Awaited<ReturnType<typeof listDeliveries>>[number];

/** Where a delivery's photo is served: its digest in the address, so it can be kept for ever. */
export const deliveryPhotoPath = (slug: string, delivery: { id: string; photoDigest: string | null }) =>
  delivery.photoDigest ? `/letters/${slug}/deliveries/${delivery.id}/photo/${delivery.photoDigest}` : null;
