import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { letterNotFound } from "../http/app-error";
import { letterChanged } from "../memory/letter-changed";
import { recordAudit } from "../moderation/record-audit";
import { translationNotFound } from "./translation-errors";

/**
 * Deletes a letter's translation into one language, with a "letter.translation.delete"
 * audit entry that keeps its title (what was deleted, in words). Signatures are the
 * letter's and are untouched.
 */
export async function deleteLetterTranslation({ actor, slug, language }: { actor: Staff; slug: string; language: string }): Promise<void> {
  const letter = await db.letter.findUnique({ where: { slug }, select: { id: true } });
  if (!letter) throw letterNotFound();
  await db.$transaction(async (tx) => {
    const translation = await tx.letterTranslation.findUnique({
      where: { letterId_language: { letterId: letter.id, language } },
      select: { id: true, title: true, status: true },
    });
    if (!translation) throw translationNotFound();
    await tx.letterTranslation.delete({ where: { id: translation.id } });
    await recordAudit(tx, actor, {
      action: "letter.translation.delete",
      targetType: "letter_translation",
      targetId: translation.id,
      letterId: letter.id,
      detail: { language, title: translation.title, status: translation.status },
    });
  });
  await letterChanged({ letterId: letter.id, what: "letter" });
}
