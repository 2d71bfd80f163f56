import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { can } from "../auth/roles";
import { AppError, letterNotFound } from "../http/app-error";
import { recordAudit } from "../moderation/record-audit";
import { deliveryDocument } from "./delivery-document";

/**
 * An admin's download of a letter's delivery document (drafts included), on record as
 * "delivery.document" before the first byte leaves, with the figures it was made from.
 */
export async function startDeliveryDocument({ actor, slug, now = new Date() }: { actor: Staff; slug: string; now?: Date }) {
  if (!can(actor.role, "manage_letters")) throw new AppError("forbidden", 403);
  const letter = await db.letter.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!letter) throw letterNotFound();
  const document = await deliveryDocument({ letterId: letter.id, now });
  await db.$transaction((tx) =>
    recordAudit(tx, actor, {
      action: "delivery.document",
      targetType: "letter",
      targetId: letter.id,
      letterId: letter.id,
      detail: { pages: document.pages, listed: document.listed },
    }),
  );
  return { ...document, filename: `${letter.slug}-delivery-${now.toISOString().slice(0, 10)}.pdf` };
}
