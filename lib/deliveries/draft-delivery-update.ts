import "server-only";
import { db } from "../db";
import { appUrl } from "../app-url";
import type { Staff } from "../auth/require-staff";
import { AppError, letterNotFound } from "../http/app-error";
import { saveLetterUpdate } from "../updates/save-letter-update";
import { requireSendUpdates } from "../updates/require-send-updates";
import { UPDATE_BODY_MAX } from "../validation/letter-update";
import { deliveryUpdateText } from "./update-text";

// "Tell signers who asked for news": a delivery, or the addressee's response to it, becomes
// a draft update in the update editor, where the admin reads it, changes what they like,
// sends a test and sends it. Nothing goes out from here: sending stays one deliberate step.

/** A response quoted in full could pass the update's limit; past this much, the update links to the rest. */
const QUOTE_MAX = UPDATE_BODY_MAX - 2_000;

export async function draftDeliveryUpdate({
  actor,
  slug,
  deliveryId,
  about,
}: {
  actor: Staff;
  slug: string;
  deliveryId: string;
  about: "delivery" | "response";
}): Promise<{ id: string }> {
  requireSendUpdates(actor);
  const letter = await db.letter.findUnique({ where: { slug }, select: { id: true, title: true } });
  if (!letter) throw letterNotFound();
  const delivery = await db.letterDelivery.findFirst({
    where: { id: deliveryId, letterId: letter.id },
    select: {
      deliveredTo: true, deliveredOn: true, method: true, link: true, note: true,
      responseReceivedOn: true, responseFrom: true, responseText: true,
    },
  });
  if (!delivery) throw new AppError("delivery_not_found", 404);
  if (about === "response" && !delivery.responseReceivedOn) throw new AppError("delivery_no_response", 409);
  const responseText =
    delivery.responseText && delivery.responseText.length > QUOTE_MAX
      ? `${delivery.responseText.slice(0, QUOTE_MAX).trimEnd()} …\n\nThe whole response is on the letter page.`
      : delivery.responseText;
  const { subject, markdown } = deliveryUpdateText({
    letter,
    delivery: { ...delivery, responseText },
    about,
    letterUrl: appUrl(`/letters/${slug}`),
  });
  return saveLetterUpdate({ actor, slug, input: { subject, body: markdown } });
}
