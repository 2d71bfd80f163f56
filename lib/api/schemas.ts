import { z } from "zod";
import { signatureInputSchema } from "../validation/signature";
import { signingChecksSchema } from "../validation/signing-checks";

// The shapes of the public JSON API, once: the code's types come from these (z.infer),
// and so does the OpenAPI document (lib/api/openapi-document.ts). A field added to an
// answer without its schema does not compile; one added to the schema and not to the
// answer fails the contract test (e2e/openapi-contract.spec.ts).

const slug = z.string().meta({ description: "The letter's address on this site.", example: "strong-encryption-open-letter" });
const country = z.string().meta({ description: "ISO 3166-1 alpha-2 code.", example: "DE" });
const count = z.int().nonnegative();
const signerKind = z.enum(["individual", "organization"]);

export const letterSummarySchema = z.object({
  slug,
  title: z.string(),
  kind: z.string().meta({ description: "`open_letter` or `statement`.", example: "open_letter" }),
  status: z.string().meta({ description: "`open`, `paused` (visible, not signable) or `closed`. Drafts are never listed.", example: "open" }),
  total: count.meta({ description: "Counted signatures." }),
});
export const letterListSchema = z.array(letterSummarySchema).meta({ description: "Every published letter, newest first." });
export type LetterListItem = z.infer<typeof letterSummarySchema>;

export const countryCountSchema = z.object({
  country,
  name: z.string().meta({ description: "The country's name in English.", example: "Germany" }),
  total: count,
  individuals: count,
  organizations: count,
});
export type CountryCount = z.infer<typeof countryCountSchema>;

export const letterCountsSchema = z.object({
  total: count,
  individuals: count,
  organizations: count,
  countries: z.array(countryCountSchema).meta({ description: "Sorted by total, largest first." }),
  updatedAt: z.iso.datetime().meta({ description: "When the counts last changed (the letter's creation while nothing is counted)." }),
});
export type LetterCounts = z.infer<typeof letterCountsSchema>;

export const countsBodySchema = letterCountsSchema.extend({ slug }).meta({ description: "A letter's counted signatures, by kind and country." });

export const publicSignatureSchema = z.object({
  id: z.string().meta({ description: "Identifies the listed signature (to report it); reveals nothing about the signer." }),
  kind: signerKind,
  name: z.string().meta({ description: "A person's name, or an organisation's." }),
  title: z.string().nullable(),
  affiliation: z.string().nullable(),
  organizationName: z.string().nullable(),
  website: z.string().nullable(),
  country,
  signedAt: z.iso.datetime().meta({ description: "When the signature started to count." }),
});
export type PublicSignature = z.infer<typeof publicSignatureSchema>;

export const publicSignaturePageSchema = z
  .object({
    items: z.array(publicSignatureSchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  })
  .meta({ description: "Listed, counted signatures, oldest first. Never an email." });
export type PublicSignaturePage = z.infer<typeof publicSignaturePageSchema>;

/** The signatories list's query (a cursor must also be one the list gave out). */
export const publicSignaturesQuerySchema = z.object({
  kind: signerKind.optional(),
  cursor: z.string().optional(),
});

export const historyDaySchema = z.object({
  day: z.iso.date().meta({ description: "A UTC day.", example: "2026-11-30" }),
  total: count.meta({ description: "Running total at the end of the day." }),
  individuals: count,
  organizations: count,
  added: z.int().meta({ description: "Net change that day (withdrawals and moderation can make it negative)." }),
});
export type HistoryDay = z.infer<typeof historyDaySchema>;

export const historyBodySchema = z
  .object({ slug, days: z.array(historyDaySchema).meta({ description: "Oldest first, quiet days included." }) })
  .meta({ description: "A letter's running total per UTC day." });

// altcha-lib's Challenge (v2), as it travels: the API hands it over and takes it back solved.
export const proofOfWorkChallengeSchema = z
  .object({
    parameters: z.object({
      algorithm: z.string(),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      keySignature: z.string().optional(),
      memoryCost: z.number().optional(),
      parallelism: z.number().optional(),
      expiresAt: z.number().optional(),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: z.string().optional(),
    codeChallenge: z.object({ image: z.string(), audio: z.string().optional(), length: z.number().optional() }).optional(),
  })
  .meta({ description: "Solve with altcha-lib's solveChallenge (altcha-lib/algorithms/pbkdf2)." });

export const signingChallengeSchema = z
  .object({
    required: z.boolean().meta({ description: "Whether a signing sent now must bring the solved challenge." }),
    challenge: proofOfWorkChallengeSchema.nullable().meta({ description: "Null when the letter never asks for a proof of work." }),
  })
  .meta({ description: "The proof of work a signing on this letter must bring." });
export type SigningChallenge = z.infer<typeof signingChallengeSchema>;

/** The sign API's body: the signature, and the bot checks' fields (none is stored). */
export const signRequestSchema = z.intersection(signatureInputSchema, signingChecksSchema).meta({
  description:
    "For an organisation, `name` is the contact's name. `reference` must be left out or empty; `fillMs` and `proofOfWork` are optional (see the challenge).",
});

export const signAcceptedSchema = z
  .object({ status: z.literal("pending_verification") })
  .meta({ description: "The same answer for a new, repeated or duplicate signing: no one can learn who signed. A confirmation email is on its way." });
export type SignAccepted = z.infer<typeof signAcceptedSchema>;

/** The contract's error body; `codes` narrows `code` to those an answer can carry. */
export function errorBodySchema(codes?: readonly [string, ...string[]]) {
  return z
    .object({
      error: z.object({
        code: codes ? z.enum(codes) : z.string().meta({ description: "Stable, for programs." }),
        message: z.string().meta({ description: "For people, in the language Accept-Language asks for (English by default)." }),
        fields: z
          .partialRecord(z.string(), z.array(z.string()))
          .optional()
          .meta({ description: "What is wrong with each field, by field name; `form` for the input as a whole." }),
      }),
    })
    .meta({ description: "Every error of the JSON API has this shape." });
}
export type ErrorBody = z.infer<ReturnType<typeof errorBodySchema>>;
