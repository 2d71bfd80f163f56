import { z } from "zod";
import { noHiddenCharacters } from "./text-rules";

export const reportSchema = z.object({
  reason: z.enum(["not_real", "impersonation", "offensive", "duplicate", "other"], { message: "Choose what is wrong." }),
  details: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(500, "Keep it under 500 characters.").superRefine(noHiddenCharacters("Details", { newlines: true })).optional()),
});
