// The languages a letter may be written or translated in, and the product speaks, one
// line each: its BCP 47 tag, its name in its own language (how a reader finds it in a
// switcher), its name in English (for the admin area), which way its text runs, and its
// Open Graph locale. Adding a language is one line here and its messages in
// messages/<code>.json (lib/i18n/messages.test.ts checks that they go together).

export const LANGUAGES = [
  { code: "en", name: "English", englishName: "English", dir: "ltr", ogLocale: "en_GB" },
  { code: "fr", name: "Français", englishName: "French", dir: "ltr", ogLocale: "fr_FR" },
  { code: "de", name: "Deutsch", englishName: "German", dir: "ltr", ogLocale: "de_DE" },
  { code: "es", name: "Español", englishName: "Spanish", dir: "ltr", ogLocale: "es_ES" },
  { code: "ar", name: "العربية", englishName: "Arabic", dir: "rtl", ogLocale: "ar_AR" },
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
