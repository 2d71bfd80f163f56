import "server-only";
import { db } from "../db";
import { letterCounts } from "../counts/letter-counts";
import { DEFAULT_LANGUAGE, languageDirection } from "../i18n/languages";
import { effectiveStatus } from "./effective-status";
import { publishedTranslation } from "./published-translations";

export interface LetterSummary {
  slug: string;
  title: string;
  summary: string;
  kind: string;
  status: string;
  total: number;
  /** the language the title and summary are in, and which way it runs */
  language: string;
  dir: "ltr" | "rtl";
}

/**
 * Every letter that is not a draft, newest first, with its total. With `language`, each
 * letter's title and summary are its published translation's into it where there is one
 * (from memory, lib/letters/published-translations.ts); otherwise the original's.
 */
export async function listPublicLetters({ language }: { language?: string } = {}): Promise<LetterSummary[]> {
  const letters = await db.letter.findMany({
    where: { status: { not: "draft" } },
    select: { id: true, slug: true, title: true, summary: true, kind: true, status: true, language: true, closesAt: true, createdAt: true },
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
  });
  return Promise.all(
    letters.map(async ({ id, createdAt, closesAt, ...letter }) => {
      const [counts, translation] = await Promise.all([
        letterCounts(id, createdAt),
        language && language !== letter.language ? publishedTranslation(id, language) : null,
      ]);
      const original = letter.language || DEFAULT_LANGUAGE;
      return {
        ...letter,
        ...(translation
          ? { title: translation.title, summary: translation.summary, language: translation.language, dir: translation.dir }
          : { language: original, dir: languageDirection(original) }),
        status: effectiveStatus({ status: letter.status, closesAt }),
        total: counts.total,
      };
    }),
  );
}
