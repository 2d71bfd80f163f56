import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGE_CODES } from "./languages";

// Every language in lib/i18n/languages.ts has a message file in messages/, and every file
// has exactly the keys of English: a missing or stray translation fails here, not in front
// of a reader.

const folder = path.resolve(import.meta.dirname, "../../messages");
type Messages = { [key: string]: string | Messages };
const read = (code: string): Messages => JSON.parse(fs.readFileSync(path.join(folder, `${code}.json`), "utf8"));
const keys = (messages: Messages, prefix = ""): string[] =>
  Object.entries(messages).flatMap(([key, value]) => (typeof value === "string" ? [prefix + key] : keys(value, `${prefix}${key}.`)));

describe("messages", () => {
  const english = keys(read("en")).sort();

  it("has a file for each supported language and none for another", () => {
    const files = fs.readdirSync(folder).filter((name) => name.endsWith(".json")).map((name) => name.slice(0, -".json".length));
    expect(files.sort()).toEqual([...LANGUAGE_CODES].sort());
  });

  it.each(LANGUAGE_CODES.filter((code) => code !== "en"))("has exactly the keys of English in %s, none empty", (code) => {
    const messages = read(code);
    expect(keys(messages).sort()).toEqual(english);
    const empty = keys(messages).filter((key) => key.split(".").reduce<Messages | string>((at, part) => (at as Messages)[part], messages) === "");
    expect(empty).toEqual([]);
  });
});
