import "server-only";
import { db } from "../db";

/** A public letter's delivery photo by its digest (as its address names it), or null. */
export async function getDeliveryPhoto({ letterId, id, digest }: { letterId: string; id: string; digest: string }) {
  const row = await db.letterDelivery.findFirst({
    where: { id, letterId, photoDigest: digest },
    select: { photo: true, photoType: true },
  });
  return row?.photo && row.photoType ? { bytes: row.photo, type: row.photoType } : null;
}
