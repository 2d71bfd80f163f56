import { AppError } from "../http/app-error";
import { findLanguage } from "../i18n/languages";

export const translationNotFound = () => new AppError("translation_not_found", 404);

/** A translation into the language the letter is written in: the original is that text already. */
export const sameLanguageAsOriginal = (code: string) =>
  new AppError("same_language_as_original", 422, {
    fields: { language: [`The letter is written in ${findLanguage(code)?.englishName ?? code}: choose another language.`] },
  });
