import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { letterChanged } from "../memory/letter-changed";
import { recordAudit } from "../moderation/record-audit";
import type { DeliveryInput } from "../validation/delivery";
import { NO_PHOTO, deliveryLetter, photoColumns } from "./delivery-letter";

/**
 * Saves an edited delivery ("delivery.update", naming the changed fields); a new photo
 * replaces the old one, and removePhoto drops it. False when the delivery is gone.
 */
export async function updateDelivery({
  actor,
  slug,
  id,
  input,
  photo,
}: {
  actor: Staff;
  slug: string;
  id: string;
  input: DeliveryInput;
  photo?: Uint8Array | null;
}): Promise<boolean> {
  const letter = await deliveryLetter({ actor, slug });
  const current = await db.letterDelivery.findFirst({
    where: { id, letterId: letter.id },
    select: { deliveredTo: true, deliveredOn: true, method: true, link: true, note: true, photoDigest: true },
  });
  if (!current) return false;
  const { removePhoto, ...fields } = input;
  const next = { ...fields, link: fields.link ?? null, note: fields.note ?? null };
  const changed: string[] = (Object.keys(next) as (keyof typeof next)[]).filter((key) => {
    const [a, b] = [current[key], next[key]];
    return a instanceof Date && b instanceof Date ? a.getTime() !== b.getTime() : a !== b;
  });
  const photoChange = photo ? photoColumns(photo) : removePhoto && current.photoDigest ? NO_PHOTO : null;
  if (photoChange) changed.push("photo");
  if (changed.length === 0) return true;
  await db.$transaction(async (tx) => {
    await tx.letterDelivery.update({ where: { id }, data: { ...next, ...(photoChange ?? {}) } });
    await recordAudit(tx, actor, {
      action: "delivery.update",
      targetType: "letter",
      targetId: letter.id,
      letterId: letter.id,
      detail: { deliveryId: id, changed },
    });
  });
  await letterChanged({ letterId: letter.id, what: "letter" });
  return true;
}
