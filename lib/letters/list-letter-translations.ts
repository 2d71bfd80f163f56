import "server-only";
import { db } from "../db";

/** A letter's translations for staff, drafts included, in the order their languages were added. */
export async function listLetterTranslations({ letterId }: { letterId: string }) {
  return db.letterTranslation.findMany({
    where: { letterId },
    select: { id: true, language: true, title: true, summary: true, addressedTo: true, body: true, status: true, translatedFrom: true, originalDigest: true, updatedAt: true },
    orderBy: { createdAt: "asc" },
  });
}

export type AdminLetterTranslation = Awaited<ReturnType<typeof listLetterTranslations>>[number];
