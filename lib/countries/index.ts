import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";

// Country names come from i18n-iso-countries (ISO 3166-1 alpha-2, kept up to date by
// its maintainers); usable on the server and in the browser.
countries.registerLocale(en);

// Official short names read best in a table ("United Kingdom", "South Korea"); the
// alias is kept only where the official form is a disputed or reversed name.
const names: Record<string, string> = {
  ...countries.getNames("en", { select: "official" }),
  TW: countries.getName("TW", "en", { select: "alias" }) ?? "Taiwan",
  MD: "Moldova",
  FM: "Micronesia",
  VG: "British Virgin Islands",
  VI: "U.S. Virgin Islands",
};

export const COUNTRY_CODES: readonly string[] = Object.keys(names).sort();

export function isCountryCode(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(names, code);
}

export function countryName(code: string): string {
  return names[code] ?? code;
}

/** Every country, sorted by its English name, for pickers. */
export const COUNTRY_OPTIONS: readonly { code: string; name: string }[] = COUNTRY_CODES.map((code) => ({
  code,
  name: names[code],
})).sort((a, b) => a.name.localeCompare(b.name, "en"));
