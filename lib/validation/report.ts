import { z } from "zod";

export const reportSchema = z.object({
  reason: z.enum(["not_real", "impersonation", "offensive", "duplicate", "other"], { message: "Choose what is wrong." }),
  details: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(500, "Keep it under 500 characters.").optional()),
});
