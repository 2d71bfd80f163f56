import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LANGUAGE, isLanguageCode, LANGUAGE_CODES, type LanguageCode } from "./languages";

// Which language to answer a request in: a supported `?lang=` first (a link or the
// language switcher chose it), then the reader's Accept-Language (its q-values weighed
// by negotiator, the tags matched by @formatjs/intl-localematcher's RFC 4647 lookup),
// then `fallback` (a letter's original language, or English).
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
    // "lookup" (RFC 4647): each asked-for tag in the reader's order, shortened until one
    // is ours, so "es-MX, en;q=0.5" is Spanish. ("best fit", the default, scores es-MX
    // as too far from es and answered English.)
    const found = match(requested, LANGUAGE_CODES, fallback, { algorithm: "lookup" });
    return isLanguageCode(found) ? found : fallback;
  } catch {
    // a malformed tag (Intl throws on it) is a header we cannot read
    return fallback;
  }
}
