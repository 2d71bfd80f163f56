import { z } from "zod";
import { LANGUAGES, LANGUAGE_CODES } from "../i18n/languages";
import { ADDRESSED_TO_MAX, BODY_MAX, SUMMARY_MAX, TITLE_MAX, letterLine, letterText } from "./letter";

// The one schema for a letter's translation: the translation editor checks fields with
// it in the browser, and the server action again before anything is written. Its limits
// and text rules are the letter's own.

export const TRANSLATION_STATUSES = ["draft", "published"] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export const letterTranslationInputSchema = z.object({
  language: z.enum(LANGUAGE_CODES, {
    message: `Choose one of the supported languages: ${LANGUAGES.map((language) => language.englishName).join(", ")}.`,
  }),
  title: letterLine("Title", TITLE_MAX),
  summary: letterLine("Summary", SUMMARY_MAX),
  addressedTo: letterLine("Addressed to", ADDRESSED_TO_MAX, false),
  body: letterText("Text", BODY_MAX),
});

export type LetterTranslationInput = z.infer<typeof letterTranslationInputSchema>;

/** The translation editor's fields as the schema's input. */
export function letterTranslationInputFromForm(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of ["language", "title", "summary", "addressedTo", "body"]) {
    const value = form.get(key);
    input[key] = typeof value === "string" ? value : undefined;
  }
  return input;
}
