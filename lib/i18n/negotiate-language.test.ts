import { describe, expect, it } from "vitest";
import { negotiateLanguage } from "./negotiate-language";

describe("negotiateLanguage", () => {
  it("takes a supported ?lang= before anything the browser says", () => {
    expect(negotiateLanguage({ lang: "fr", acceptLanguage: "de" })).toBe("fr");
  });

  it("ignores a ?lang= it does not support and reads Accept-Language", () => {
    expect(negotiateLanguage({ lang: "xx", acceptLanguage: "de-CH, en;q=0.5" })).toBe("de");
  });

  it("weighs Accept-Language by its q-values, not its order", () => {
    expect(negotiateLanguage({ acceptLanguage: "en;q=0.3, es;q=0.9, fr;q=0.5" })).toBe("es");
  });

  it("finds a regional variant's language", () => {
    expect(negotiateLanguage({ acceptLanguage: "ar-EG" })).toBe("ar");
  });

  it("prefers the reader's first language in a regional variant to a later one we have exactly", () => {
    expect(negotiateLanguage({ acceptLanguage: "es-MX, en;q=0.5" })).toBe("es");
    expect(negotiateLanguage({ acceptLanguage: "fr-CA,fr;q=0.9,en-US;q=0.8,en;q=0.7" })).toBe("fr");
    expect(negotiateLanguage({ acceptLanguage: "pt-BR, de;q=0.8, en;q=0.5" })).toBe("de");
  });

  it("falls back when nothing matches, when nothing is said, and when the header is nonsense", () => {
    expect(negotiateLanguage({ acceptLanguage: "ja, zh;q=0.8", fallback: "fr" })).toBe("fr");
    expect(negotiateLanguage({ fallback: "de" })).toBe("de");
    expect(negotiateLanguage({ acceptLanguage: "!!!;q=x" })).toBe("en");
  });
});
