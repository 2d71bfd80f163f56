import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LANGUAGE, isLanguageCode, LANGUAGE_CODES, type LanguageCode } from "./languages";

// Which language to answer a request in: a supported `?lang=` first (a link or the
// language switcher chose it), then the reader's Accept-Language (its q-values weighed
// by negotiator, the tags matched by @formatjs/intl-localematcher, as next-intl's own
// middleware does), then `fallback` (a letter's original language, or English).
export function negotiateLanguage({
  lang,
  acceptLanguage,
  fallback = DEFAULT_LANGUAGE,
}: {
  lang?: string | null;
  acceptLanguage?: string | null;
  fallback?: LanguageCode;
}): LanguageCode {
  if (isLanguageCode(lang)) return lang;
  if (!acceptLanguage) return fallback;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages();
  try {
    const found = match(requested, LANGUAGE_CODES, fallback);
    return isLanguageCode(found) ? found : fallback;
  } catch {
    // a malformed tag (Intl throws on it) is a header we cannot read
    return fallback;
  }
}
