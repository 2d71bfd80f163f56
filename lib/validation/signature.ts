import { z } from "zod";
import { isCountryCode } from "../countries";
import { containsUrl, hasLetterOrDigit, noHiddenCharacters, startsLikeFormula } from "./text-rules";

// The one schema for a signature: the sign form (in the browser and its server
// action) and POST /api/letters/{slug}/signatures all validate with it.

export const NAME_MAX = 100;
export const ORGANIZATION_NAME_MAX = 150;
export const SHORT_TEXT_MAX = 120;
export const COMMENT_MAX = 1000;

function displayText(label: string, max: number) {
  return z
    .string({ message: `${label} is required.` })
    .trim()
    // One spelling for what looks the same ("é" typed as one character or as e and an accent).
    .normalize("NFC")
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .superRefine(noHiddenCharacters(label))
    .refine((v) => v === "" || hasLetterOrDigit(v), `${label} must contain at least one letter or digit.`)
    .refine((v) => !startsLikeFormula(v), `${label} cannot start with =, +, - or @.`)
    .refine((v) => !containsUrl(v), `${label} cannot contain a web address.`);
}

/** An optional field: empty or missing becomes undefined. */
function optionalText<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v ?? undefined), schema.optional());
}

/** A signer's address, as the sign form and the data-request form (lib/validation/data-request.ts) take it. */
export const signerEmailSchema = z
  .string({ message: "Email is required." })
  .trim()
  .min(1, "Email is required.")
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email({ message: "Enter a valid email address, like name@example.org." }));

const country = z
  .string({ message: "Choose your country." })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "Choose a country from the list.");

const website = z
  .string({ message: "Website is required." })
  .trim()
  .min(1, "Website is required.")
  .max(300, "Website must be at most 300 characters.")
  // "example.org" is what most people type: read it as https://example.org
  .transform((v) => (/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
  .pipe(
    z.url({
      protocol: /^https?$/,
      hostname: z.regexes.domain,
      message: "Enter the website's address starting with http:// or https://.",
    }),
  )
  // "https://victim.org@evil.example" is a page on evil.example: no credentials in a URL.
  .refine((v) => !URL.canParse(v) || (!new URL(v).username && !new URL(v).password), {
    message: "Enter the website's address without a user name or password.",
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
  .max(COMMENT_MAX, `Comment must be at most ${COMMENT_MAX} characters.`)
  .superRefine(noHiddenCharacters("Comment", { newlines: true }));

const shared = {
  name: displayText("Name", NAME_MAX),
  email: signerEmailSchema,
  country,
  comment: optionalText(comment),
  listPublicly: z.boolean({ message: "Say whether your name may be listed publicly." }),
  consent: z.literal(true, { message: "Tick the box to agree before signing." }),
};

export const individualSignatureSchema = z.object({
  kind: z.literal("individual"),
  ...shared,
  title: optionalText(displayText("Title", SHORT_TEXT_MAX)),
  affiliation: optionalText(displayText("Affiliation", SHORT_TEXT_MAX)),
});

export const organizationSignatureSchema = z.object({
  kind: z.literal("organization"),
  ...shared,
  name: displayText("Contact name", NAME_MAX),
  organizationName: displayText("Organisation name", ORGANIZATION_NAME_MAX),
  website,
});

export const signatureInputSchema = z.discriminatedUnion(
  "kind",
  [individualSignatureSchema, organizationSignatureSchema],
  { error: () => "Choose whether you sign as an individual or for an organisation." },
);

export type SignatureInput = z.infer<typeof signatureInputSchema>;
export type SignatureKind = SignatureInput["kind"];
export type FieldErrors = Partial<Record<string, string[]>>;

/** Field errors keyed by field name; an error about the whole input goes under "form". */
export function signatureFieldErrors(error: z.ZodError): FieldErrors {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "form";
    (fields[key] ??= []).push(issue.message);
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
    ...(kind === "organization"
      ? { organizationName: text("organizationName") ?? "", website: text("website") ?? "" }
      : { title: text("title"), affiliation: text("affiliation") }),
  };
}
