import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csvCell: formula neutralisation", () => {
  it.each([
    ["=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\""],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-1", "'-1"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1+1", "\"'\r=1+1\""],
  ])("prefixes %j with a single quote", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("leaves the same characters alone when they are not the first", () => {
    expect(csvCell("a=b+c-d@e")).toBe("a=b+c-d@e");
    expect(csvCell(" =1")).toBe(" =1");
  });

  it("neutralises a negative number too", () => {
    expect(csvCell(-5)).toBe("'-5");
  });
});

describe("csvCell: quoting", () => {
  it("quotes commas, doubles quotes, and keeps newlines inside the quotes", () => {
    expect(csvCell("Smith, Jane")).toBe('"Smith, Jane"');
    expect(csvCell('The "Foundation"')).toBe('"The ""Foundation"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("leaves plain text unquoted and keeps unicode as it is", () => {
    expect(csvCell("Zoë Ødegård")).toBe("Zoë Ødegård");
    expect(csvCell("東京 🔐")).toBe("東京 🔐");
    expect(csvCell("Çağrı, İstanbul")).toBe('"Çağrı, İstanbul"');
  });

  it("writes empty cells for null and undefined, ISO text for dates, words for booleans", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(new Date("2026-01-31T12:00:00.000Z"))).toBe("2026-01-31T12:00:00.000Z");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(42)).toBe("42");
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(csvRow(["name", "country"])).toBe("name,country\r\n");
    expect(csvRow(["=1", "a,b", null, "Ünïcödé"])).toBe("'=1,\"a,b\",,Ünïcödé\r\n");
  });
});
