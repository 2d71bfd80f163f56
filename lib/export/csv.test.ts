import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csvCell: formula neutralisation", () => {
  it.each([
    ["=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\""],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-1", "'-1"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1+1", "\"'\r'=1+1\""],
  ])("prefixes %j with a single quote", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("leaves the same characters alone inside a cell's text", () => {
    expect(csvCell("a=b+c-d@e")).toBe("a=b+c-d@e");
    expect(csvCell("Jean-Luc Picard")).toBe("Jean-Luc Picard");
    expect(csvCell("https://a-b.example/x=1")).toBe("https://a-b.example/x=1");
  });

  it.each([
    ["after a semicolon, where Excel in much of Europe starts a cell", "Ann;=HYPERLINK(\"http://evil.example\")", "Ann;'=HYPERLINK(\"\"http://evil.example\"\")"],
    ["after a semicolon and spaces", "Ann;  +1+1", "Ann;  '+1+1"],
    ["after a tab, where a tab-separated import starts a cell", "Ann\t@SUM(A1)", "Ann\t'@SUM(A1)"],
    ["after a comma", "Smith,=1+1", "Smith,'=1+1"],
    ["after a line break, which starts a row where quotes are not read", "Thanks\n=cmd|' /C calc'!A0", "Thanks\n'=cmd|' /C calc'!A0"],
    ["after CRLF", "a\r\n-2+3", "a\r\n'-2+3"],
    ["after leading spaces, which some spreadsheets trim", "  =1+1", "  '=1+1"],
    ["after a tab that would itself start a cell", "\t=1", "'\t'=1"],
    ["in full-width form", "\uFF1D1+1", "'\uFF1D1+1"],
  ])("neutralises a formula %s", (_where, input, neutralised) => {
    const cell = csvCell(input);
    expect(cell.startsWith('"') ? cell.slice(1, -1) : cell).toBe(neutralised);
  });

  it("quotes a cell whose formula came after a line break, so it stays one cell where quotes are read", () => {
    expect(csvCell("Thanks\n=1+1")).toBe("\"Thanks\n'=1+1\"");
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
