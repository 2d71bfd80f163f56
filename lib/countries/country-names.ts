import "server-only";
import countries from "i18n-iso-countries";
import ar from "i18n-iso-countries/langs/ar.json";
import de from "i18n-iso-countries/langs/de.json";
import es from "i18n-iso-countries/langs/es.json";
import fr from "i18n-iso-countries/langs/fr.json";
import { COUNTRY_CODES, countryName } from ".";

// Country names in the reader's language, from i18n-iso-countries' own translations.
// Registered here, on the server, so that a browser never loads them all: pages pass
// the one list they need. English keeps lib/countries' chosen names.
for (const locale of [ar, de, es, fr]) countries.registerLocale(locale);

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
