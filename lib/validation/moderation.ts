import { z } from "zod";
import { MODERATION_ACTIONS } from "../moderation/transitions";
import { signatureFilterSchema } from "./signature-filter";

export const moderationSchema = z.object({
  ids: z.array(z.string().min(1).max(40)).min(1, "Select at least one signature.").max(500, "Select at most 500 at once."),
  action: z.enum(MODERATION_ACTIONS, { message: "Choose an action." }),
  reason: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(500, "Keep the reason under 500 characters.").optional()),
});

export const bulkModerationSchema = z.object({
  letterId: z.string().min(1),
  filter: signatureFilterSchema,
  action: z.enum(MODERATION_ACTIONS, { message: "Choose an action." }),
  reason: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(500).optional()),
  // the count the moderator saw and confirmed
  expected: z.coerce.number().int().min(0),
});
