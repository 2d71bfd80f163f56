import { z } from "zod";

// What a signing sends besides the signature, for the bot checks (lib/defences/bot-checks.ts):
// the sign form fills these in the browser, and a JSON API client may send them too.
// None is stored with the signature.

/** Faster than this from showing the sign form to sending it, no person filled it in. */
export const MIN_FILL_MS = 3_000;

/** The sign form's hidden field that people never see and scripts fill in. */
export const HONEYPOT_FIELD = "reference";

export const signingChecksSchema = z.object({
  [HONEYPOT_FIELD]: z.string({ message: "Leave reference out, or empty." }).max(1_000, "Leave reference out, or empty.").optional(),
  // Milliseconds from the form being shown to it being sent, measured in the browser so
  // that its clock and the server's never need to agree.
  fillMs: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z
      .number({ message: "fillMs must be a number of milliseconds." })
      .int("fillMs must be a whole number of milliseconds.")
      .min(0, "fillMs must be a whole number of milliseconds.")
      .optional(),
  ),
  // base64 of the JSON { challenge, solution } solved from GET /api/letters/{slug}/challenge.
  proofOfWork: z.string({ message: "proofOfWork must be the solved challenge, as a string." }).max(4_000, "proofOfWork is too long.").optional(),
});

export type SigningChecksInput = z.infer<typeof signingChecksSchema>;

/** The check fields of the sign form (blank ones left out). */
export function signingChecksFromForm(form: FormData): Record<string, unknown> {
  const checks: Record<string, unknown> = {};
  for (const key of [HONEYPOT_FIELD, "fillMs", "proofOfWork"]) {
    const value = form.get(key);
    if (typeof value === "string" && value !== "") checks[key] = value;
  }
  return checks;
}
