import "server-only";
import { db } from "../db";
import { LANGUAGE_CODES, languageDirection } from "../i18n/languages";
import { whenLetterChanges } from "../memory/letter-changed";
import { timedCache } from "../memory/timed-cache";
import { LETTER_TTL_MS } from "./get-cached-public-letter";

// What the public letter page needs to serve a letter in a reader's language: the
// languages it can be read in, and a published translation's text. Kept in memory per
// letter like the letter itself (lib/letters/get-cached-public-letter.ts), and forgotten
// at once in every process when the letter or a translation changes. Drafts never
// leave the admin area.

export interface PublishedTranslation {
  language: string;
  dir: "ltr" | "rtl";
  title: string;
  summary: string;
  addressedTo: string;
  body: string;
  /** The original's language: the page says it is a translation of it. */
  translatedFrom: string;
  updatedAt: Date;
}

interface LetterLanguages {
  /** The original's language first, then the published translations' in LANGUAGES order. */
  languages: string[];
  translations: Map<string, PublishedTranslation>;
}

const cache = timedCache<LetterLanguages | null>("published-translations", { ttlMs: LETTER_TTL_MS, max: 1_000, keep: (found) => found !== null });
whenLetterChanges("published-translations", ({ what, letterId }) => what === "letter" && cache.forget(letterId));

const order = (code: string) => {
  const index = (LANGUAGE_CODES as string[]).indexOf(code);
  return index === -1 ? LANGUAGE_CODES.length : index;
};

async function loadLetterLanguages(letterId: string): Promise<LetterLanguages | null> {
  const letter = await db.letter.findUnique({
    where: { id: letterId },
    select: {
      language: true,
      translations: {
        where: { status: "published" },
        select: { language: true, title: true, summary: true, addressedTo: true, body: true, translatedFrom: true, updatedAt: true },
      },
    },
  });
  if (!letter) return null;
  const published = letter.translations.filter((t) => t.language !== letter.language).sort((a, b) => order(a.language) - order(b.language));
  return {
    languages: [letter.language, ...published.map((t) => t.language)],
    translations: new Map(published.map((t) => [t.language, { ...t, dir: languageDirection(t.language) }])),
  };
}

const letterLanguages = (letterId: string) => cache.get(letterId, () => loadLetterLanguages(letterId));

/** The letter's published translation into `language`, or null (none, a draft, or the original's own language). */
export async function publishedTranslation(letterId: string, language: string): Promise<PublishedTranslation | null> {
  return (await letterLanguages(letterId))?.translations.get(language) ?? null;
}

/** The languages the letter can be read in: its original's first, then its published translations'. Empty for no letter. */
export async function availableLanguages(letterId: string): Promise<string[]> {
  return (await letterLanguages(letterId))?.languages ?? [];
}
