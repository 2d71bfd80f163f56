import { describe, expect, it } from "vitest";
import { closesAtField, letterInputFromForm, letterInputSchema, SLUG_MAX, TITLE_MAX } from "./letter";
import { signatureFieldErrors } from "./signature";

const valid = {
  title: "Keep encryption strong",
  slug: "keep-encryption-strong",
  summary: "We ask world leaders not to weaken encryption.",
  body: "## Dear leaders\n\nEncryption protects everyone.",
  kind: "open_letter",
  status: "draft",
  closesAt: "",
  goal: "",
  addressedTo: "World leaders",
  allowIndividuals: true,
  allowOrganizations: true,
  autoApproveMatchingDomain: false,
};

function errorsFor(input: Record<string, unknown>) {
  const result = letterInputSchema.safeParse(input);
  expect(result.success, `expected ${JSON.stringify(input)} to be rejected`).toBe(false);
  return signatureFieldErrors(result.error!);
}

describe("letterInputSchema: valid input", () => {
  it("accepts a draft with empty optional fields as nulls", () => {
    expect(letterInputSchema.parse(valid)).toMatchObject({ slug: "keep-encryption-strong", closesAt: null, goal: null, status: "draft" });
  });

  it("reads a datetime-local closing date as UTC and a goal typed as text as a number", () => {
    const data = letterInputSchema.parse({ ...valid, closesAt: "2026-12-31T23:59", goal: "5000" });
    expect(data.closesAt?.toISOString()).toBe("2026-12-31T23:59:00.000Z");
    expect(data.goal).toBe(5000);
    expect(closesAtField(data.closesAt)).toBe("2026-12-31T23:59");
  });

  it("trims text and keeps the Markdown body's newlines", () => {
    const data = letterInputSchema.parse({ ...valid, title: "  Title  ", body: "\n# A\n\nB\n" });
    expect(data.title).toBe("Title");
    expect(data.body).toBe("# A\n\nB");
  });
});

describe("letterInputSchema: field errors", () => {
  it.each(["Keep-Encryption", "keep_encryption", "keep--encryption", "-keep", "keep-", "ab", "kéép", "keep encryption"])(
    "rejects the address %j",
    (slug) => {
      expect(Object.keys(errorsFor({ ...valid, slug }))).toEqual(["slug"]);
    },
  );

  it("explains the address format", () => {
    expect(errorsFor({ ...valid, slug: "Bad_Slug" }).slug).toEqual([
      "Use lowercase letters, digits and single hyphens, like stop-the-backdoor.",
    ]);
    expect(errorsFor({ ...valid, slug: "a".repeat(SLUG_MAX + 1) }).slug).toEqual([`Address must be at most ${SLUG_MAX} characters.`]);
  });

  it("requires a title, summary and text, with length limits", () => {
    const errors = errorsFor({ ...valid, title: " ", summary: "", body: undefined });
    expect(errors).toEqual({ title: ["Title is required."], summary: ["Summary is required."], body: ["Text is required."] });
    expect(errorsFor({ ...valid, title: "t".repeat(TITLE_MAX + 1) }).title).toEqual([`Title must be at most ${TITLE_MAX} characters.`]);
    expect(letterInputSchema.safeParse({ ...valid, title: "t".repeat(TITLE_MAX) }).success).toBe(true);
  });

  it("rejects an unknown kind or status", () => {
    expect(Object.keys(errorsFor({ ...valid, kind: "petition", status: "archived" })).sort()).toEqual(["kind", "status"]);
  });

  it.each([["0", "Goal must be more than 0."], ["-5", "Goal must be more than 0."], ["2.5", "Goal must be a whole number."], ["lots", "Goal must be a whole number."]])(
    "rejects the goal %j",
    (goal, message) => {
      expect(errorsFor({ ...valid, goal }).goal).toEqual([message]);
    },
  );

  it.each(["0", "121", "2.5", "", "half a year"])("rejects anonymising emails after %j months", (anonymizeAfterMonths) => {
    expect(errorsFor({ ...valid, anonymizeAfterMonths })).toEqual({
      anonymizeAfterMonths: ["Enter a whole number of months from 1 to 120."],
    });
  });

  it("anonymises emails after the months typed, 6 when the field is not sent at all", () => {
    expect(letterInputSchema.parse({ ...valid, anonymizeAfterMonths: "120" }).anonymizeAfterMonths).toBe(120);
    expect(letterInputSchema.parse({ ...valid, anonymizeAfterMonths: 1 }).anonymizeAfterMonths).toBe(1);
    expect(letterInputSchema.parse(valid).anonymizeAfterMonths).toBe(6);
  });

  it("rejects a closing date that is not a date", () => {
    expect(errorsFor({ ...valid, closesAt: "next tuesday" }).closesAt?.[0]).toMatch(/date and time/);
  });

  it("needs individuals or organisations to be allowed", () => {
    expect(errorsFor({ ...valid, allowIndividuals: false, allowOrganizations: false })).toEqual({
      allowIndividuals: ["Allow individuals, organisations or both to sign."],
    });
  });

  it("rejects control characters in the title", () => {
    expect(errorsFor({ ...valid, title: "Bell\u0007" }).title).toEqual(["Title contains characters that are not allowed."]);
  });
});

describe("letterInputFromForm", () => {
  it("reads ticked checkboxes as true and missing ones as false", () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({ ...valid, allowIndividuals: "on", allowOrganizations: undefined, autoApproveMatchingDomain: undefined })) {
      if (typeof value === "string") form.set(key, value);
    }
    const input = letterInputFromForm(form);
    expect(input).toMatchObject({ allowIndividuals: true, allowOrganizations: false, autoApproveMatchingDomain: false, slug: valid.slug });
    expect(letterInputSchema.parse(input)).toMatchObject({ allowIndividuals: true, allowOrganizations: false });
  });
});

describe("letterInputSchema: the proof of work", () => {
  it("is off, with a busy threshold of 120 signings a minute, unless the editor says otherwise", () => {
    expect(letterInputSchema.parse(valid)).toMatchObject({ proofOfWork: "off", proofOfWorkBusyPerMinute: 120 });
    expect(letterInputSchema.parse({ ...valid, proofOfWorkBusyPerMinute: "" })).toMatchObject({ proofOfWorkBusyPerMinute: 120 });
  });

  it("takes on, or busy with a threshold typed as text", () => {
    expect(letterInputSchema.parse({ ...valid, proofOfWork: "on" }).proofOfWork).toBe("on");
    expect(letterInputSchema.parse({ ...valid, proofOfWork: "busy", proofOfWorkBusyPerMinute: "300" })).toMatchObject({
      proofOfWork: "busy",
      proofOfWorkBusyPerMinute: 300,
    });
  });

  it("names the field for an unknown mode and a threshold that is not a whole number of at least 1", () => {
    expect(errorsFor({ ...valid, proofOfWork: "sometimes" })).toEqual({ proofOfWork: ["Choose off, on, or on while the letter is busy."] });
    expect(errorsFor({ ...valid, proofOfWorkBusyPerMinute: "0" }).proofOfWorkBusyPerMinute).toEqual(["Signings a minute must be at least 1."]);
    expect(errorsFor({ ...valid, proofOfWorkBusyPerMinute: "2.5" }).proofOfWorkBusyPerMinute).toEqual(["Signings a minute must be a whole number."]);
    expect(errorsFor({ ...valid, proofOfWorkBusyPerMinute: "lots" }).proofOfWorkBusyPerMinute).toEqual(["Signings a minute must be a whole number."]);
  });

  it("reads both from the editor's form", () => {
    const form = new FormData();
    form.set("proofOfWork", "busy");
    form.set("proofOfWorkBusyPerMinute", "60");
    expect(letterInputFromForm(form)).toMatchObject({ proofOfWork: "busy", proofOfWorkBusyPerMinute: "60" });
  });
});
