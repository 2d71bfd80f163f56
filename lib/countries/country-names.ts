import "server-only";
import countries, { type LocaleData } from "i18n-iso-countries";
import { DEFAULT_LANGUAGE, LANGUAGE_CODES } from "../i18n/languages";
import { COUNTRY_CODES, countryName } from ".";

// Country names in the reader's language, from i18n-iso-countries' own translations,
// registered for every language of lib/i18n/languages.ts (so a new language's countries
// need no code). Here, on the server, so that a browser never loads them all: pages
// pass the one list they need. English keeps lib/countries' chosen names.
for (const code of LANGUAGE_CODES) {
  if (code === DEFAULT_LANGUAGE) continue;
  try {
    countries.registerLocale((await import(`i18n-iso-countries/langs/${code}.json`)).default as LocaleData);
  } catch {
    // a language i18n-iso-countries does not have: its readers see the English names
  }
}

const cache = new Map<string, readonly { code: string; name: string }[]>();

/** A country's name in `language` (its English name for a language without translations). */
export function localCountryName(code: string, language: string): string {
  if (language === "en") return countryName(code);
  return countries.getName(code, language) ?? countryName(code);
}

/** Every country in `language`, sorted as that language sorts, for pickers. */
export function countryOptions(language: string): readonly { code: string; name: string }[] {
  let options = cache.get(language);
  if (!options) {
    options = COUNTRY_CODES.map((code) => ({ code, name: localCountryName(code, language) })).sort((a, b) => a.name.localeCompare(b.name, language));
    cache.set(language, options);
  }
  return options;
}
