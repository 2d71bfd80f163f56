import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  NAME_MAX,
  signatureFieldErrors,
  signatureInputFromForm,
  signatureInputSchema,
  type FieldErrors,
} from "./signature";

const individual = {
  kind: "individual",
  name: "Ada Lovelace",
  email: "ada@example.org",
  country: "fr",
  title: "Researcher",
  affiliation: "Analytical Engines Ltd",
  listPublicly: true,
  consent: true,
};

const organisation = {
  kind: "organization",
  name: "Grace Hopper",
  email: "press@example.org",
  country: "de",
  organizationName: "Example Foundation",
  website: "example.org",
  listPublicly: false,
  consent: true,
};

/** The field errors for an input that must be rejected. */
function errorsFor(input: Record<string, unknown>): FieldErrors {
  const result = signatureInputSchema.safeParse(input);
  expect(result.success, `expected ${JSON.stringify(input)} to be rejected`).toBe(false);
  return signatureFieldErrors(result.error!);
}

describe("signatureInputSchema: valid input", () => {
  it("accepts an individual and upper-cases the country code", () => {
    const data = signatureInputSchema.parse(individual);
    expect(data).toMatchObject({ kind: "individual", name: "Ada Lovelace", country: "FR", listPublicly: true, consent: true });
  });

  it("accepts an organisation and reads a website without a scheme as https://", () => {
    const data = signatureInputSchema.parse(organisation);
    expect(data.kind).toBe("organization");
    expect(data.country).toBe("DE");
    if (data.kind !== "organization") throw new Error("unreachable");
    expect(data.website).toBe("https://example.org");
    expect(data.organizationName).toBe("Example Foundation");
  });

  it("keeps an http:// website as typed", () => {
    const data = signatureInputSchema.parse({ ...organisation, website: "http://example.org/about" });
    expect(data.kind === "organization" && data.website).toBe("http://example.org/about");
  });

  it("trims names and turns empty optional fields into undefined", () => {
    const data = signatureInputSchema.parse({ ...individual, name: "  Ada  ", title: "   ", comment: "" });
    expect(data.name).toBe("Ada");
    expect(data.kind === "individual" && data.title).toBeUndefined();
    expect(data.comment).toBeUndefined();
  });
});

describe("signatureInputSchema: field errors", () => {
  it("requires a name", () => {
    expect(Object.keys(errorsFor({ ...individual, name: undefined }))).toEqual(["name"]);
    expect(errorsFor({ ...individual, name: "   " }).name).toEqual(["Name is required."]);
  });

  it(`rejects a name longer than ${NAME_MAX} characters, and accepts exactly ${NAME_MAX}`, () => {
    expect(errorsFor({ ...individual, name: "a".repeat(NAME_MAX + 1) }).name).toEqual([
      `Name must be at most ${NAME_MAX} characters.`,
    ]);
    expect(signatureInputSchema.safeParse({ ...individual, name: "a".repeat(NAME_MAX) }).success).toBe(true);
  });

  it("rejects a malformed email", () => {
    for (const email of ["not-an-email", "a@", "@example.org", "a b@example.org"]) {
      expect(Object.keys(errorsFor({ ...individual, email })), email).toEqual(["email"]);
    }
  });

  it("rejects an unknown country code", () => {
    expect(errorsFor({ ...individual, country: "ZZ" }).country).toEqual(["Choose a country from the list."]);
    expect(Object.keys(errorsFor({ ...individual, country: "" }))).toEqual(["country"]);
  });

  it("rejects a website with a user name or password, which would point elsewhere", () => {
    expect(errorsFor({ ...organisation, website: "https://www.victim.org@evil.example" }).website?.[0]).toMatch(/user name or password/);
  });

  it("stores the website as browsers read it", () => {
    const data = signatureInputSchema.parse({ ...organisation, website: "HTTPS://Example.ORG/Our Work" });
    expect(data.kind === "organization" && data.website).toBe("https://example.org/Our%20Work");
  });

  it.each(["ftp://x.org", "javascript:alert(1)", "https://", "not a website"])(
    "rejects the website %j",
    (website) => {
      expect(Object.keys(errorsFor({ ...organisation, website }))).toEqual(["website"]);
    },
  );

  it.each(["=HYPERLINK(\"x\")", "+44 123", "-1", "@everyone"])("rejects a name that starts like a formula: %j", (name) => {
    expect(errorsFor({ ...individual, name }).name).toEqual(["Name cannot start with =, +, - or @."]);
  });

  it.each(["Visit http://spam.example", "www.spam.com", "cheap.xyz"])("rejects a name containing a web address: %j", (name) => {
    expect(errorsFor({ ...individual, name }).name).toEqual(["Name cannot contain a web address."]);
  });

  it("applies the same text rules to an organisation's name and contact name", () => {
    const errors = errorsFor({ ...organisation, name: "=1+1", organizationName: "www.spam.com" });
    expect(errors.name).toEqual(["Contact name cannot start with =, +, - or @."]);
    expect(errors.organizationName).toEqual(["Organisation name cannot contain a web address."]);
  });

  it.each(["Ada\u0000", "Ada\u0007Lovelace", "Ada \u202Eecalevol"])("rejects a name with control characters: %j", (name) => {
    expect(errorsFor({ ...individual, name }).name).toEqual(["Name contains characters that are not allowed."]);
  });

  it("requires consent to be true", () => {
    expect(Object.keys(errorsFor({ ...individual, consent: false }))).toEqual(["consent"]);
    expect(Object.keys(errorsFor({ ...individual, consent: undefined }))).toEqual(["consent"]);
    expect(Object.keys(errorsFor({ ...individual, consent: "true" }))).toEqual(["consent"]);
  });

  it("requires listPublicly to be given as a boolean", () => {
    expect(errorsFor({ ...individual, listPublicly: undefined }).listPublicly).toEqual([
      "Say whether your name may be listed publicly.",
    ]);
  });

  it("rejects an unknown kind under the kind field", () => {
    expect(errorsFor({ ...individual, kind: "robot" })).toEqual({
      kind: ["Choose whether you sign as an individual or for an organisation."],
    });
    expect(Object.keys(errorsFor({ ...individual, kind: undefined }))).toEqual(["kind"]);
  });

  it("requires an organisation's name and website", () => {
    const errors = errorsFor({ ...organisation, organizationName: undefined, website: undefined });
    expect(Object.keys(errors).sort()).toEqual(["organizationName", "website"]);
  });

  it("lists every field that needs fixing at once", () => {
    const errors = errorsFor({ kind: "individual" });
    expect(Object.keys(errors).sort()).toEqual(["consent", "country", "email", "listPublicly", "name"]);
  });
});

describe("signatureFieldErrors", () => {
  it("puts an issue without a path under form and keeps every message of a field", () => {
    const error = new z.ZodError([
      { code: "custom", path: [], message: "Whole input is wrong.", input: null },
      { code: "custom", path: ["name"], message: "First.", input: null },
      { code: "custom", path: ["name", 0], message: "Second.", input: null },
    ]);
    expect(signatureFieldErrors(error)).toEqual({ form: ["Whole input is wrong."], name: ["First.", "Second."] });
  });
});

describe("signatureInputFromForm", () => {
  function form(fields: Record<string, string>): FormData {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  }

  it("reads ticked checkboxes (\"on\") as true and the result passes the schema", () => {
    const input = signatureInputFromForm(
      form({ kind: "individual", name: "Ada", email: "ada@example.org", country: "gb", listPublicly: "on", consent: "on" }),
    );
    expect(input).toMatchObject({ kind: "individual", listPublicly: true, consent: true });
    expect(signatureInputSchema.parse(input)).toMatchObject({ kind: "individual", country: "GB", listPublicly: true });
  });

  it("reads missing checkboxes as false, so consent fails and listPublicly is false", () => {
    const input = signatureInputFromForm(form({ kind: "individual", name: "Ada", email: "ada@example.org", country: "GB" }));
    expect(input.listPublicly).toBe(false);
    expect(input.consent).toBe(false);
    expect(Object.keys(errorsFor(input))).toEqual(["consent"]);
  });

  it("takes the organisation fields only for an organisation", () => {
    const fields = {
      kind: "organization", name: "Grace", email: "press@example.org", country: "DE",
      organizationName: "Example Foundation", website: "example.org", title: "ignored", consent: "on",
    };
    const input = signatureInputFromForm(form(fields));
    expect(input).toMatchObject({ organizationName: "Example Foundation", website: "example.org", listPublicly: false });
    expect(input).not.toHaveProperty("title");
    const parsed = signatureInputSchema.parse(input);
    expect(parsed.kind === "organization" && parsed.website).toBe("https://example.org");

    const person = signatureInputFromForm(form({ ...fields, kind: "individual" }));
    expect(person).not.toHaveProperty("organizationName");
    expect(person.title).toBe("ignored");
  });
});
