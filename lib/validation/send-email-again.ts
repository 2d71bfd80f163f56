import { z } from "zod";

// "Send again" on the admin's Mail page: the one outbox message it names.
export const sendEmailAgainSchema = z.object({
  id: z.string({ message: "Choose a message." }).trim().min(1, "Choose a message.").max(40, "That is not a message's id.").regex(/^[a-z0-9]+$/, "That is not a message's id."),
});
