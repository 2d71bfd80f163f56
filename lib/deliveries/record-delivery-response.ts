import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { letterChanged } from "../memory/letter-changed";
import { recordAudit } from "../moderation/record-audit";
import type { DeliveryResponseInput } from "../validation/delivery";
import { deliveryLetter } from "./delivery-letter";

/**
 * Records (or corrects) the addressee's response to a delivery ("delivery.response"),
 * shown on the letter page in every process at once. False when the delivery is gone.
 */
export async function recordDeliveryResponse({
  actor,
  slug,
  id,
  input,
}: {
  actor: Staff;
  slug: string;
  id: string;
  input: DeliveryResponseInput;
}): Promise<boolean> {
  const letter = await deliveryLetter({ actor, slug });
  const current = await db.letterDelivery.findFirst({ where: { id, letterId: letter.id }, select: { responseReceivedOn: true } });
  if (!current) return false;
  await db.$transaction(async (tx) => {
    await tx.letterDelivery.update({ where: { id }, data: input });
    await recordAudit(tx, actor, {
      action: "delivery.response",
      targetType: "letter",
      targetId: letter.id,
      letterId: letter.id,
      detail: { deliveryId: id, responseFrom: input.responseFrom, responseReceivedOn: input.responseReceivedOn, corrected: !!current.responseReceivedOn },
    });
  });
  await letterChanged({ letterId: letter.id, what: "letter" });
  return true;
}
