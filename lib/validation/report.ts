import { z } from "zod";
import { messageKey } from "./message-keys";
import { noHiddenCharacters } from "./text-rules";

// The report form's schema; its messages are keys, read out in the reader's language by the action.
export const reportSchema = z.object({
  reason: z.enum(["not_real", "impersonation", "offensive", "duplicate", "other"], { message: messageKey("reportReason") }),
  details: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .trim()
      .max(500, messageKey("tooLong", { field: "details", max: 500 }))
      .superRefine(noHiddenCharacters("details", { newlines: true, keyed: true }))
      .optional(),
  ),
});
