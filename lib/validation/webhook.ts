import { z } from "zod";
import { WEBHOOK_EVENTS } from "../webhooks/payloads";
import { noHiddenCharacters } from "./text-rules";

// A webhook endpoint as an admin registers or edits it on /admin/webhooks. The same
// schema runs in the browser, in the server actions and in the domain functions. It
// checks the URL's form only; whether its host may be called (https:, a public address)
// is decided on the server, which resolves it (lib/webhooks/safe-target.ts).

/** A checkbox: "on" from a form, a boolean from code. */
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

const url = z
  .string({ message: "Enter the endpoint's URL." })
  .trim()
  .min(1, "Enter the endpoint's URL.")
  .max(2000, "Keep the URL under 2000 characters.")
  .refine((text) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol), {
    message: "Write a full URL such as https://hooks.example.org/letters.",
  });

/** "" or "all" from the form's select: every letter. */
const letterId = z.preprocess(
  (value) => (value === "" || value === "all" || value === undefined ? null : value),
  z.string().max(40).nullable(),
);

const events = z.preprocess(
  (value) => (value === undefined ? [] : typeof value === "string" ? [value] : value),
  z
    .array(z.enum(WEBHOOK_EVENTS, { message: "Choose events from the list." }))
    .min(1, "Choose at least one event.")
    .transform((chosen) => WEBHOOK_EVENTS.filter((event) => chosen.includes(event))),
);

const description = z
  .string()
  .trim()
  .max(200, "Keep the description under 200 characters.")
  .superRefine(noHiddenCharacters("The description"))
  .default("");

export const webhookInputSchema = z.object({ url, letterId, events, personalData: checkbox, description });
export type WebhookInput = z.infer<typeof webhookInputSchema>;

export const webhookUpdateSchema = z.object({
  id: z.string().min(1).max(40),
  letterId,
  events,
  personalData: checkbox,
  enabled: checkbox,
  description,
});
export type WebhookUpdate = z.infer<typeof webhookUpdateSchema>;

export const webhookIdSchema = z.object({ id: z.string().min(1).max(40) });

/** A form's fields as the schemas' input: checkboxes of one name become a list. */
export function webhookInputFromForm(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && key !== "events") fields[key] = value;
  fields.events = form.getAll("events").filter((value) => typeof value === "string");
  return fields;
}
