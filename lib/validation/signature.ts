import { z } from "zod";
import { isCountryCode } from "../countries";
import { messageKey as m, translateMessage, type Translate } from "./message-keys";
import { containsUrl, hasLetterOrDigit, noHiddenCharacters, startsLikeFormula } from "./text-rules";

// The one schema for a signature: the sign form (in the browser and its server
// action) and POST /api/letters/{slug}/signatures all validate with it. Its messages are
// keys, translated at each edge (lib/validation/message-keys.ts); fields are named by
// their key in messages' "validation.fields".

export const NAME_MAX = 100;
export const ORGANIZATION_NAME_MAX = 150;
export const SHORT_TEXT_MAX = 120;
export const COMMENT_MAX = 1000;

function displayText(field: string, max: number) {
  return z
    .string({ message: m("required", { field }) })
    .trim()
    // One spelling for what looks the same ("é" typed as one character or as e and an accent).
    .normalize("NFC")
    .min(1, m("required", { field }))
    .max(max, m("tooLong", { field, max }))
    .superRefine(noHiddenCharacters(field, { keyed: true }))
    .refine((v) => v === "" || hasLetterOrDigit(v), m("needsLetterOrDigit", { field }))
    .refine((v) => !startsLikeFormula(v), m("formulaStart", { field }))
    .refine((v) => !containsUrl(v), m("webAddress", { field }));
}

/** An optional field: empty or missing becomes undefined. */
function optionalText<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v ?? undefined), schema.optional());
}

/** A signer's address, as the sign form and the data-request form (lib/validation/data-request.ts) take it. */
export const signerEmailSchema = z
  .string({ message: m("required", { field: "email" }) })
  .trim()
  .min(1, m("required", { field: "email" }))
  .max(254, m("tooLong", { field: "email", max: 254 }))
  .pipe(z.email({ message: m("email") }));

const country = z
  .string({ message: m("countryRequired") })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, m("country"));

const website = z
  .string({ message: m("required", { field: "website" }) })
  .trim()
  .min(1, m("required", { field: "website" }))
  .max(300, m("tooLong", { field: "website", max: 300 }))
  // "example.org" is what most people type: read it as https://example.org
  .transform((v) => (/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
  .pipe(
    z.url({
      protocol: /^https?$/,
      hostname: z.regexes.domain,
      message: m("website"),
    }),
  )
  // "https://victim.org@evil.example" is a page on evil.example: no credentials in a URL.
  .refine((v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password), {
    message: m("websiteCredentials"),
    abort: true,
  })
  .transform(normaliseUrl);

/** The URL as browsers read it, without the lone "/" they add to a bare host. */
function normaliseUrl(value: string): string {
  const url = new URL(value);
  return url.pathname === "/" && !url.search && !url.hash ? url.origin : url.href;
}

const comment = z
  .string()
  .trim()
  .normalize("NFC")
  .max(COMMENT_MAX, m("tooLong", { field: "comment", max: COMMENT_MAX }))
  .superRefine(noHiddenCharacters("comment", { newlines: true, keyed: true }));

const shared = {
  name: displayText("name", NAME_MAX),
  email: signerEmailSchema,
  country,
  comment: optionalText(comment),
  listPublicly: z.boolean({ message: m("listPublicly") }),
  consent: z.literal(true, { message: m("consent") }),
  // "Tell me about this letter's progress": a separate, unticked choice; absent means no
  updates: z.boolean({ message: m("updates") }).optional(),
};

export const individualSignatureSchema = z.object({
  kind: z.literal("individual"),
  ...shared,
  title: optionalText(displayText("title", SHORT_TEXT_MAX)),
  affiliation: optionalText(displayText("affiliation", SHORT_TEXT_MAX)),
});

export const organizationSignatureSchema = z.object({
  kind: z.literal("organization"),
  ...shared,
  name: displayText("contactName", NAME_MAX),
  organizationName: displayText("organizationName", ORGANIZATION_NAME_MAX),
  website,
});

export const signatureInputSchema = z.discriminatedUnion(
  "kind",
  [individualSignatureSchema, organizationSignatureSchema],
  { error: () => m("kind") },
);

export type SignatureInput = z.infer<typeof signatureInputSchema>;
export type SignatureKind = SignatureInput["kind"];
export type FieldErrors = Partial<Record<string, string[]>>;

/**
 * Field errors keyed by field name, in the translator's language (English unless one is
 * given); an error about the whole input goes under "form".
 */
export function signatureFieldErrors(error: z.ZodError, t?: Translate): FieldErrors {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "form";
    (fields[key] ??= []).push(translateMessage(issue.message, t));
  }
  return fields;
}

/** The sign form's fields as the schema's input (checkboxes arrive as "on" or not at all). */
export function signatureInputFromForm(form: FormData): Record<string, unknown> {
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : undefined;
  };
  const kind = text("kind");
  return {
    kind,
    name: text("name") ?? "",
    email: text("email") ?? "",
    country: text("country") ?? "",
    comment: text("comment"),
    listPublicly: form.get("listPublicly") === "on" || form.get("listPublicly") === "true",
    consent: form.get("consent") === "on" || form.get("consent") === "true" ? true : false,
    updates: form.get("updates") === "on" || form.get("updates") === "true",
    ...(kind === "organization"
      ? { organizationName: text("organizationName") ?? "", website: text("website") ?? "" }
      : { title: text("title"), affiliation: text("affiliation") }),
  };
}
