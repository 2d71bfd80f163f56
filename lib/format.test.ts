import { describe, expect, it } from "vitest";
import { formatCount, formatDay } from "./format";

describe("formatCount", () => {
  it("writes a count as each language does", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(1234567, "en")).toBe("1,234,567");
    // French and German group thousands with a (narrow) space and a dot.
    expect(formatCount(1234567, "fr")).toBe("1\u202f234\u202f567");
    expect(formatCount(1234567, "de")).toBe("1.234.567");
    // Arabic's digits depend on the ICU data (CLDR 48 writes Western digits for "ar").
    expect(formatCount(1234567, "ar")).toBe(new Intl.NumberFormat("ar").format(1234567));
  });
});

describe("formatDay", () => {
  it("writes a day with its month's short name in each language, as the day it is in UTC", () => {
    expect(formatDay("2026-03-07")).toBe("7 Mar 2026");
    expect(formatDay("2026-03-07", "fr")).toBe("7 mars 2026");
    expect(formatDay("2026-03-07", "de")).toBe("7. März 2026");
    expect(formatDay("2026-03-07", "es")).toBe("7 mar 2026");
    expect(formatDay("2026-03-07", "ar")).toBe(new Intl.DateTimeFormat("ar", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(Date.UTC(2026, 2, 7)));
    expect(formatDay("2026-03-07", "ar")).toContain("مارس");
  });

  it("reads the day of a full timestamp", () => {
    expect(formatDay("2026-12-31T23:59:59.000Z", "fr")).toBe("31 déc. 2026");
  });
});
