import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { letterChanged } from "../memory/letter-changed";
import { recordAudit } from "../moderation/record-audit";
import type { DeliveryInput } from "../validation/delivery";
import { deliveryLetter, photoColumns } from "./delivery-letter";

/**
 * Records that the letter was delivered ("delivery.record" in the audit log), and shows
 * it on the letter page in every process at once.
 */
export async function recordDelivery({
  actor,
  slug,
  input,
  photo,
}: {
  actor: Staff;
  slug: string;
  input: DeliveryInput;
  photo?: Uint8Array | null;
}): Promise<{ id: string }> {
  const letter = await deliveryLetter({ actor, slug });
  const { removePhoto, ...fields } = input; // nothing to remove on a new delivery
  void removePhoto;
  const delivery = await db.$transaction(async (tx) => {
    const created = await tx.letterDelivery.create({
      data: { letterId: letter.id, ...fields, link: fields.link ?? null, note: fields.note ?? null, ...(photo ? photoColumns(photo) : {}) },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "delivery.record",
      targetType: "letter",
      targetId: letter.id,
      letterId: letter.id,
      detail: { deliveryId: created.id, deliveredTo: fields.deliveredTo, deliveredOn: fields.deliveredOn, method: fields.method, photo: !!photo },
    });
    return created;
  });
  await letterChanged({ letterId: letter.id, what: "letter" });
  return delivery;
}
