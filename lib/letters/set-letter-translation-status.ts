import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { letterNotFound } from "../http/app-error";
import { letterChanged } from "../memory/letter-changed";
import { recordAudit } from "../moderation/record-audit";
import type { TranslationStatus } from "../validation/letter-translation";
import { translationNotFound } from "./translation-errors";

/**
 * Publishes a translation (readers may be served it) or takes it back to a draft, with
 * a "letter.translation.publish" or "letter.translation.unpublish" audit entry. Asking
 * for the status it has already writes nothing. Returns whether anything changed.
 */
export async function setLetterTranslationStatus({
  actor,
  slug,
  language,
  status,
}: {
  actor: Staff;
  slug: string;
  language: string;
  status: TranslationStatus;
}): Promise<{ changed: boolean }> {
  const letter = await db.letter.findUnique({ where: { slug }, select: { id: true } });
  if (!letter) throw letterNotFound();
  const changed = await db.$transaction(async (tx) => {
    // Only a row whose status differs is updated, so two clicks audit once.
    const { count } = await tx.letterTranslation.updateMany({
      where: { letterId: letter.id, language, status: { not: status } },
      data: { status },
    });
    const translation = await tx.letterTranslation.findUnique({
      where: { letterId_language: { letterId: letter.id, language } },
      select: { id: true },
    });
    if (!translation) throw translationNotFound();
    if (count === 0) return false;
    await recordAudit(tx, actor, {
      action: status === "published" ? "letter.translation.publish" : "letter.translation.unpublish",
      targetType: "letter_translation",
      targetId: translation.id,
      letterId: letter.id,
      detail: { language },
    });
    return true;
  });
  if (changed) await letterChanged({ letterId: letter.id, what: "letter" });
  return { changed };
}
