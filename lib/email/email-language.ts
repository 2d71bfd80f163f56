import { createTranslator } from "next-intl";
import english from "../../messages/en.json";
import { DEFAULT_LANGUAGE, isLanguageCode, languageDirection, type LanguageCode } from "../i18n/languages";

// The language an email is written in: its words (the "emails" namespace of
// messages/<language>.json, through next-intl's translator, so a new language needs a
// message file and no code), which way it runs, and its links, which open their pages
// in the same language. A person's emails follow the language they signed or asked in.

export type EmailTranslator = ReturnType<typeof createTranslator<typeof english, "emails">>;

export interface EmailLanguage {
  code: LanguageCode;
  dir: "ltr" | "rtl";
  t: EmailTranslator;
}

const translated = (code: LanguageCode, messages: typeof english): EmailLanguage => ({
  code,
  dir: languageDirection(code),
  t: createTranslator({ locale: code, messages, namespace: "emails" }),
});

/** English: the templates' preview language, and every message's where no other applies. */
export const ENGLISH_EMAIL = translated(DEFAULT_LANGUAGE, english);

const loaded = new Map<LanguageCode, Promise<EmailLanguage>>([[DEFAULT_LANGUAGE, Promise.resolve(ENGLISH_EMAIL)]]);

/** The email language for a code as stored or negotiated; English for one the product does not speak. */
export function emailLanguage(code: string | null | undefined): Promise<EmailLanguage> {
  const language = isLanguageCode(code) ? code : DEFAULT_LANGUAGE;
  let found = loaded.get(language);
  if (!found) {
    found = import(`../../messages/${language}.json`).then((module: { default: typeof english }) => translated(language, module.default));
    loaded.set(language, found);
  }
  return found;
}

/** A link to one of our pages that opens it in the email's language (proxy.ts honours ?lang= on every page). */
export function inLanguage(url: string, language: LanguageCode): string {
  if (language === DEFAULT_LANGUAGE) return url;
  return `${url}${url.includes("?") ? "&" : "?"}lang=${language}`;
}
