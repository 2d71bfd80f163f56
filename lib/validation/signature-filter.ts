import { z } from "zod";
import { isCountryCode } from "../countries";

// The moderators' filter over a letter's signatures, read from the query string.

export const SIGNATURE_STATES = ["unverified", "awaiting_review", "counted", "rejected", "hidden", "fraud"] as const;

const empty = (v: unknown) => (v === "" || v === null ? undefined : v);
const day = z.preprocess(empty, z.iso.date({ message: "Use a date like 2026-01-31." }).optional());

export const signatureFilterSchema = z.object({
  kind: z.preprocess(empty, z.enum(["individual", "organization"]).optional()),
  status: z.preprocess(empty, z.enum(SIGNATURE_STATES).optional()),
  country: z.preprocess(
    (v) => (typeof v === "string" ? empty(v.toUpperCase()) : v),
    z.string().refine(isCountryCode, "Choose a country from the list.").optional(),
  ),
  from: day,
  to: day,
  flagged: z.preprocess((v) => (v === "1" || v === "true" || v === true ? true : undefined), z.boolean().optional()),
  // a name, an email address, or "@domain" for everyone writing from a domain
  q: z.preprocess(empty, z.string().trim().max(200).optional()),
});

export type SignatureFilter = z.infer<typeof signatureFilterSchema>;

export function filterFromSearchParams(params: Record<string, string | string[] | undefined>) {
  const one = (key: string) => (Array.isArray(params[key]) ? params[key]![0] : params[key]);
  return signatureFilterSchema.safeParse(Object.fromEntries(Object.keys(signatureFilterSchema.shape).map((k) => [k, one(k)])));
}

/** The filter as query-string pairs, to build links that keep it. */
export function filterToQuery(filter: SignatureFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === false) continue;
    out[key] = value === true ? "1" : String(value);
  }
  return out;
}
