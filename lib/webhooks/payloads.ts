import { z } from "zod";

// What a webhook carries. Every delivery is one of these envelopes, signed as the
// Standard Webhooks specification says (https://www.standardwebhooks.com): `type` names
// the event, `timestamp` is when it happened, `data` is the event's own shape. The same
// schemas type the code that builds a payload and the OpenAPI document's `webhooks`.
//
// A signer's email is personal data: it is present only for an endpoint an admin has
// marked to receive personal data. A signer's name, title and affiliation appear only
// when the site lists the signature (the signer chose to be listed and it counts), or for
// such an endpoint.

export const WEBHOOK_EVENTS = ["signature.confirmed", "organization.approved", "signature.withdrawn", "milestone.reached"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

const letterRef = z
  .object({
    slug: z.string().meta({ example: "encryption-open-letter" }),
    title: z.string(),
  })
  .meta({ description: "The letter the event is about." });

const signatureRef = z.object({
  id: z.string().meta({ description: "The signature's id; stable for the life of the signature." }),
  kind: z.enum(["individual", "organization"]),
  country: z.string().meta({ description: "ISO 3166-1 alpha-2 code.", example: "DE" }),
  listPublicly: z.boolean(),
  status: z.enum(["counted", "awaiting_review"]).meta({
    description: "counted: it counts now; awaiting_review: an organisation that a moderator must approve first.",
  }),
  name: z.string().nullable().meta({
    description:
      "The person's name (for an organisation, its contact person). Null unless the endpoint receives personal data, or the signature is listed (the signer chose to be, and it counts) and is an individual's: an organisation is listed under organizationName.",
  }),
  title: z.string().nullable(),
  affiliation: z.string().nullable(),
  organizationName: z.string().nullable(),
  website: z.string().nullable(),
  email: z.email().optional().meta({ description: "Only for an endpoint marked to receive personal data." }),
  confirmedAt: z.iso.datetime(),
});

const envelope = <T extends WebhookEvent, D extends z.ZodType>(type: T, data: D, description: string) =>
  z
    .object({
      type: z.literal(type),
      timestamp: z.iso.datetime().meta({ description: "When the event happened (UTC)." }),
      data,
    })
    .meta({ description });

export const signatureConfirmedPayload = envelope(
  "signature.confirmed",
  z.object({ letter: letterRef, signature: signatureRef }),
  "A signer confirmed their email. An individual counts from now; an organisation waits for a moderator.",
);

export const organizationApprovedPayload = envelope(
  "organization.approved",
  z.object({ letter: letterRef, signature: signatureRef.extend({ kind: z.literal("organization"), status: z.literal("counted") }) }),
  "A moderator approved an organisation's signature; it counts from now.",
);

export const signatureWithdrawnPayload = envelope(
  "signature.withdrawn",
  z.object({
    letter: letterRef,
    signature: z.object({
      id: z.string(),
      kind: z.enum(["individual", "organization"]),
      country: z.string(),
      withdrawnAt: z.iso.datetime(),
    }),
  }),
  "A signer withdrew a signature that had counted. It no longer counts and is no longer listed; the payload carries nothing more about the person.",
);

export const milestoneReachedPayload = envelope(
  "milestone.reached",
  z.object({
    letter: letterRef,
    milestone: z.object({
      count: z.int().positive().meta({ description: "The round number (or the letter's goal) the total reached.", example: 1000 }),
      isGoal: z.boolean(),
    }),
    total: z.int().nonnegative().meta({ description: "The letter's total when the milestone was reached." }),
  }),
  "A letter's total reached a round number or its goal.",
);

export const webhookPayloadSchemas = {
  "signature.confirmed": signatureConfirmedPayload,
  "organization.approved": organizationApprovedPayload,
  "signature.withdrawn": signatureWithdrawnPayload,
  "milestone.reached": milestoneReachedPayload,
} as const satisfies Record<WebhookEvent, z.ZodType>;

export type WebhookPayload<E extends WebhookEvent = WebhookEvent> = z.infer<(typeof webhookPayloadSchemas)[E]>;
