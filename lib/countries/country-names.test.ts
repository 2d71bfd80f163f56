import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES } from "../i18n/languages";
import { countryOptions, localCountryName } from "./country-names";

describe("country names in the reader's language", () => {
  it("come from i18n-iso-countries for every language the product speaks", () => {
    expect(localCountryName("DE", "fr")).toBe("Allemagne");
    expect(localCountryName("DE", "es")).toBe("Alemania");
    expect(localCountryName("FR", "de")).toBe("Frankreich");
    expect(localCountryName("EG", "ar")).toBe("مصر");
    // every language but English has its own name for most countries
    for (const code of LANGUAGE_CODES.filter((language) => language !== "en")) {
      const translated = countryOptions(code).filter(({ code: country, name }) => name !== localCountryName(country, "en"));
      expect(translated.length, code).toBeGreaterThan(countryOptions("en").length / 2);
    }
  });

  it("sorts a picker's list as the language sorts", () => {
    const names = countryOptions("de").map(({ name }) => name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "de")));
    expect(names.indexOf("Österreich")).toBeLessThan(names.indexOf("Polen"));
  });
});
