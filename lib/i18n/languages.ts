// The languages a letter may be written or translated in, one line each: its BCP 47
// tag, its name in its own language (how a reader finds it in a switcher), its name
// in English (for the admin area) and which way its text runs. Adding a language to
// the letters is one line here.

export const LANGUAGES = [
  { code: "en", name: "English", englishName: "English", dir: "ltr" },
  { code: "fr", name: "Français", englishName: "French", dir: "ltr" },
  { code: "de", name: "Deutsch", englishName: "German", dir: "ltr" },
  { code: "es", name: "Español", englishName: "Spanish", dir: "ltr" },
  { code: "ar", name: "العربية", englishName: "Arabic", dir: "rtl" },
] as const;

export type Language = (typeof LANGUAGES)[number];
export type LanguageCode = Language["code"];

export const LANGUAGE_CODES = LANGUAGES.map((language) => language.code) as [LanguageCode, ...LanguageCode[]];

/** The language a letter is written in when nothing else is said. */
export const DEFAULT_LANGUAGE: LanguageCode = "en";

export const isLanguageCode = (value: unknown): value is LanguageCode =>
  typeof value === "string" && (LANGUAGE_CODES as string[]).includes(value);

/** The supported language with this tag, or undefined. */
export const findLanguage = (code: string): Language | undefined => LANGUAGES.find((language) => language.code === code);

/** Which way a language's text runs ("ltr" for a tag we do not know). */
export const languageDirection = (code: string): "ltr" | "rtl" => findLanguage(code)?.dir ?? "ltr";
