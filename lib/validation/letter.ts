import { z } from "zod";
import { hasControlCharacters, hasControlCharactersExceptNewlines } from "./text-rules";

// The one schema for a letter: the editor validates with it in the browser as fields are
// left, and the server action again before anything is written.

export const LETTER_KINDS = ["open_letter", "statement"] as const;
export const LETTER_STATUSES = ["draft", "open", "paused", "closed"] as const;
export const TITLE_MAX = 200;
export const SLUG_MIN = 3;
export const SLUG_MAX = 80;
export const SUMMARY_MAX = 500;
export const BODY_MAX = 50_000;
export const ADDRESSED_TO_MAX = 200;
export const GOAL_MAX = 100_000_000;
/** Whether signing asks for a proof of work: never, always, or while the letter is busy. */
export const PROOF_OF_WORK_MODES = ["off", "on", "busy"] as const;
export const BUSY_PER_MINUTE_MAX = 1_000_000;
export const ANONYMIZE_AFTER_MONTHS_MAX = 120;
const ANONYMIZE_MESSAGE = `Enter a whole number of months from 1 to ${ANONYMIZE_AFTER_MONTHS_MAX}.`;

/** A one-line field of a letter (or of its translation): trimmed, limited, no hidden characters. */
export const letterLine = (label: string, max: number, required = true) =>
  z
    .string({ message: `${label} is required.` })
    .trim()
    .min(required ? 1 : 0, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`)
    .refine((v) => !hasControlCharacters(v), `${label} contains characters that are not allowed.`);

/** A letter's Markdown text (or its translation's): line breaks and tabs allowed, hidden characters not. */
export const letterText = (label: string, max: number) =>
  z
    .string({ message: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max.toLocaleString("en")} characters.`)
    .refine((v) => !hasControlCharactersExceptNewlines(v.replaceAll("\t", " ")), `${label} contains characters that are not allowed.`);

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `value` could be a letter's address at all: public routes answer 404 to anything else without a query. */
export const isSlug = (value: string) => value.length >= SLUG_MIN && value.length <= SLUG_MAX && SLUG_PATTERN.test(value);

const blankToNull = (v: unknown) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v);

export const letterInputSchema = z
  .object({
    title: letterLine("Title", TITLE_MAX),
    slug: z
      .string({ message: "Address is required." })
      .trim()
      .min(SLUG_MIN, `Address must be at least ${SLUG_MIN} characters.`)
      .max(SLUG_MAX, `Address must be at most ${SLUG_MAX} characters.`)
      .regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens, like stop-the-backdoor."),
    summary: letterLine("Summary", SUMMARY_MAX),
    body: letterText("Text", BODY_MAX),
    kind: z.enum(LETTER_KINDS, { message: "Choose open letter or statement." }),
    status: z.enum(LETTER_STATUSES, { message: "Choose draft, open, paused or closed." }),
    // From <input type="datetime-local">, read as UTC (the editor says so) so browser and
    // server turn the same text into the same instant.
    closesAt: z.preprocess(
      blankToNull,
      z.iso
        .datetime({ local: true, message: "Enter a date and time, like 2026-12-31T23:59." })
        .transform((v) => new Date(`${v.length === 16 ? `${v}:00` : v}Z`))
        .nullable(),
    ),
    goal: z.preprocess(
      (v) => (typeof blankToNull(v) === "string" ? Number(v) : blankToNull(v)),
      z
        .number({ message: "Goal must be a whole number." })
        .int("Goal must be a whole number.")
        .positive("Goal must be more than 0.")
        .max(GOAL_MAX, `Goal must be at most ${GOAL_MAX.toLocaleString("en")}.`)
        .nullable(),
    ),
    addressedTo: letterLine("Addressed to", ADDRESSED_TO_MAX, false),
    allowIndividuals: z.boolean(),
    allowOrganizations: z.boolean(),
    autoApproveMatchingDomain: z.boolean(),
    proofOfWork: z.enum(PROOF_OF_WORK_MODES, { message: "Choose off, on, or on while the letter is busy." }).default("off"),
    // Signings a minute above which a "busy" letter asks for the proof of work.
    proofOfWorkBusyPerMinute: z.preprocess(
      (v) => (typeof blankToNull(v) === "string" ? Number(v) : (blankToNull(v) ?? undefined)),
      z
        .number({ message: "Signings a minute must be a whole number." })
        .int("Signings a minute must be a whole number.")
        .min(1, "Signings a minute must be at least 1.")
        .max(BUSY_PER_MINUTE_MAX, `Signings a minute must be at most ${BUSY_PER_MINUTE_MAX.toLocaleString("en")}.`)
        .default(120),
    ),
    // Months after closing when lib/retention/ anonymises the signers' emails (6 when not given).
    anonymizeAfterMonths: z
      .preprocess(
        (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
        z.number({ message: ANONYMIZE_MESSAGE }).int(ANONYMIZE_MESSAGE).min(1, ANONYMIZE_MESSAGE).max(ANONYMIZE_AFTER_MONTHS_MAX, ANONYMIZE_MESSAGE),
      )
      .default(6),
  })
  .refine((v) => v.allowIndividuals || v.allowOrganizations, {
    path: ["allowIndividuals"],
    message: "Allow individuals, organisations or both to sign.",
  });

export type LetterInput = z.infer<typeof letterInputSchema>;

const CHECKBOXES = ["allowIndividuals", "allowOrganizations", "autoApproveMatchingDomain"] as const;

/** The editor's fields as the schema's input (checkboxes arrive as "on" or not at all). */
export function letterInputFromForm(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of ["title", "slug", "summary", "body", "kind", "status", "closesAt", "goal", "addressedTo", "proofOfWork", "proofOfWorkBusyPerMinute", "anonymizeAfterMonths"]) {
    const value = form.get(key);
    input[key] = typeof value === "string" ? value : undefined;
  }
  for (const key of CHECKBOXES) input[key] = form.get(key) === "on" || form.get(key) === "true";
  return input;
}

/** How a stored closing date fills a datetime-local field (UTC, to the minute). */
export const closesAtField = (date: Date | null) => (date ? date.toISOString().slice(0, 16) : "");
