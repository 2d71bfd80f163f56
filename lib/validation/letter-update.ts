import { z } from "zod";
import { letterLine, letterText } from "./letter";

// The one schema for an update to a letter's signers: the editor checks it in the browser,
// the server action again before anything is saved or sent.

export const UPDATE_SUBJECT_MAX = 150;
export const UPDATE_BODY_MAX = 20_000;

export const letterUpdateInputSchema = z.object({
  subject: letterLine("Subject", UPDATE_SUBJECT_MAX),
  body: letterText("Text", UPDATE_BODY_MAX),
});

export type LetterUpdateInput = z.infer<typeof letterUpdateInputSchema>;

/** The editor's fields as the schema's input. */
export function letterUpdateInputFromForm(form: FormData): Record<string, unknown> {
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" ? value : undefined;
  };
  return { subject: text("subject"), body: text("body") };
}
