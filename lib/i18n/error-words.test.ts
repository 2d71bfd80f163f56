import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { AppError } from "../http/app-error";
import type { Translate } from "../validation/message-keys";
import { LANGUAGE_CODES } from "./languages";
import { translateError } from "./translate-error";

// Every AppError a person may read has words in each language (messages/<code>.json,
// "errors", keyed by the error's code): a code thrown anywhere without them fails here.

const root = path.resolve(import.meta.dirname, "../..");
const messages = (code: string) => JSON.parse(fs.readFileSync(path.join(root, "messages", `${code}.json`), "utf8"));

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const at = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(at);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [at] : [];
  });
}

/** The codes AppErrors are made with in lib/ and app/. */
const thrownCodes = [...new Set(
  ["lib", "app"].flatMap((folder) => sourceFiles(path.join(root, folder))).flatMap((file) =>
    [...fs.readFileSync(file, "utf8").matchAll(/new AppError\(\s*"([a-z_]+)"/g)].map((match) => match[1]),
  ),
)].sort();

/** Values that reach each case of a message's select, and a plural's several forms. */
const SAMPLE_VALUES: Record<string, Record<string, string | number>[]> = {
  rate_limited: [{ unit: "seconds", count: 1 }, { unit: "seconds", count: 45 }, { unit: "minutes", count: 2 }, { unit: "minutes", count: 11 }],
  letter_not_open: [{ status: "paused" }, { status: "closed" }],
  kind_not_allowed: [{ kind: "individual" }, { kind: "organization" }],
  export_busy: [{ seconds: 1 }, { seconds: 30 }],
  invalid_query: [{ parameter: "kind" }, { parameter: "cursor" }],
  body_too_large: [{ kilobytes: 16 }],
  invalid_json: [{ problem: "syntax" }, { problem: "object" }],
  email_not_failed: [{ state: "sent" }, { state: "pending" }],
  own_account: [{ change: "role" }, { change: "disabled" }],
};

describe("the words of errors", () => {
  it("finds the codes errors are thrown with", () => {
    expect(thrownCodes).toEqual(expect.arrayContaining(["letter_not_open", "rate_limited", "token_expired", "data_request_not_found"]));
  });

  it("has words in English for every code thrown in lib/ and app/", () => {
    const english = messages("en").errors;
    expect(thrownCodes.filter((code) => typeof english[code] !== "string")).toEqual([]);
  });

  it.each(LANGUAGE_CODES)("reads every error out in %s, each case of it, without a missing value", (language) => {
    const t = createTranslator({
      locale: language,
      messages: messages(language),
      namespace: "errors",
      onError: (error) => {
        throw error;
      },
    }) as unknown as Translate;
    for (const code of Object.keys(messages("en").errors)) {
      for (const values of SAMPLE_VALUES[code] ?? [{}]) {
        const words = t(code, values);
        expect(words, `${language} ${code}`).not.toMatch(/[{}]|^errors\./);
      }
    }
  });
});

describe("translateError", () => {
  const translators = (language: string) => ({
    errors: createTranslator({ locale: language, messages: messages(language), namespace: "errors" }) as unknown as Translate,
    validation: createTranslator({ locale: language, messages: messages(language), namespace: "validation" }) as unknown as Translate,
  });

  it("keeps the English message on the error itself, with its values", () => {
    expect(new AppError("rate_limited", 429, { values: { unit: "minutes", count: 3 } }).message).toBe("Too many attempts. Please wait 3 minutes and try again.");
    expect(new AppError("letter_not_open", 409, { values: { status: "paused" } }).message).toBe("This letter is paused and is not taking signatures right now.");
  });

  it("reads an error and its field messages out in the reader's language", () => {
    const refusal = new AppError("kind_not_allowed", 422, { values: { kind: "individual" }, fields: { kind: ["i18n:kindNotAllowed?signer=individual"], other: ["Plain words."] } });
    expect(translateError(refusal, translators("fr"))).toEqual({
      message: "Cette lettre est signée uniquement par des organisations.",
      fields: { kind: ["Cette lettre est signée uniquement par des organisations."], other: ["Plain words."] },
    });
    expect(translateError(new AppError("rate_limited", 429, { values: { unit: "seconds", count: 30 } }), translators("de")).message).toBe(
      "Zu viele Versuche. Bitte warten Sie 30 Sekunden und versuchen Sie es dann noch einmal.",
    );
  });

  it("answers in English when no translators are given", () => {
    expect(translateError(new AppError("letter_not_open", 409, { values: { status: "closed" } })).message).toBe("This letter is closed and no longer takes signatures.");
  });
});
