import { z } from "zod";
import { ROLES } from "../auth/roles";

// Who an admin lets into /admin, and with which role. Shared by the People page's
// actions and the operator's `npm run admin:add`.

export const personEmailSchema = z
  .string({ message: "Email is required." })
  .trim()
  .toLowerCase()
  .min(1, "Email is required.")
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email({ message: "Enter a valid email address, like name@example.org." }));

export const roleSchema = z.enum(ROLES, { message: "Choose admin or moderator." });

export const personInputSchema = z.object({ email: personEmailSchema, role: roleSchema });

export const roleChangeSchema = z.object({ userId: z.string().min(1), role: roleSchema });

export const disableSchema = z.object({ userId: z.string().min(1), disabled: z.enum(["true", "false"]).transform((v) => v === "true") });

export type PersonInput = z.infer<typeof personInputSchema>;
