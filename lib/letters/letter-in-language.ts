import "server-only";
import { DEFAULT_LANGUAGE, findLanguage, languageDirection } from "../i18n/languages";
import type { PublicLetter } from "./get-public-letter";
import { availableLanguages, publishedTranslation } from "./published-translations";

/** What the public page shows of a letter for a reader of `language`. */
export interface LetterText {
  title: string;
  summary: string;
  addressedTo: string;
  body: string;
  /** The language the text is in: the reader's when a translation is published, else the original's. */
  language: string;
  dir: "ltr" | "rtl";
  /** The original's language, when the text is a translation of it. */
  translatedFrom: string | null;
  /** True when the reader's language has no published translation and the original stands in. */
  untranslated: boolean;
  /** The languages the letter can be read in: the original's first. */
  languages: string[];
}

// A letter in the reader's language: its published translation if there is one, else the
// original (and the page says so). Both come from memory (published-translations.ts).
export async function letterInLanguage({ letter, language }: { letter: PublicLetter; language: string }): Promise<LetterText> {
  const original = findLanguage(letter.language)?.code ?? DEFAULT_LANGUAGE;
  const [translation, languages] = await Promise.all([publishedTranslation(letter.id, language), availableLanguages(letter.id)]);
  if (translation) {
    const { title, summary, addressedTo, body } = translation;
    return { title, summary, addressedTo, body, language, dir: translation.dir, translatedFrom: translation.translatedFrom, untranslated: false, languages };
  }
  const { title, summary, addressedTo, body } = letter;
  return {
    title, summary, addressedTo, body,
    language: original,
    dir: languageDirection(original),
    translatedFrom: null,
    untranslated: language !== original,
    languages: languages.length > 0 ? languages : [original],
  };
}
