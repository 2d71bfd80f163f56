import type { WebhookPayload } from "./payloads";

// A signature as the webhook payloads show it (payloads.ts). Who the signer is (name,
// title, affiliation, organisation, website) is there when the site lists it (they chose
// to be listed, and it counts: an organisation awaiting review is not listed until a
// moderator approves it, so its words reach no one unchecked), or for an endpoint an
// admin marked to receive personal data, which alone gets the email.

export interface SignatureForWebhook {
  id: string;
  kind: string;
  country: string;
  status: string;
  listPublicly: boolean;
  name: string;
  email: string;
  title: string | null;
  affiliation: string | null;
  organizationName: string | null;
  website: string | null;
  confirmedAt: Date | null;
}

type SignatureRef = WebhookPayload<"signature.confirmed">["data"]["signature"];

export function signatureRef(signature: SignatureForWebhook, personalData: boolean): SignatureRef {
  const shown = (signature.listPublicly && signature.status === "counted") || personalData;
  const who = (value: string | null) => (shown ? value || null : null);
  return {
    id: signature.id,
    kind: signature.kind === "organization" ? "organization" : "individual",
    country: signature.country,
    listPublicly: signature.listPublicly,
    status: signature.status === "counted" ? "counted" : "awaiting_review",
    // An organisation is listed under its own name: its contact person, as on the public list, stays private.
    name: signature.kind === "organization" && !personalData ? null : who(signature.name),
    title: who(signature.title),
    affiliation: who(signature.affiliation),
    organizationName: who(signature.organizationName),
    website: who(signature.website),
    ...(personalData && { email: signature.email }),
    confirmedAt: (signature.confirmedAt ?? new Date()).toISOString(),
  };
}

/** The columns signatureRef reads, for a Prisma select. */
export const SIGNATURE_FOR_WEBHOOK = {
  id: true, kind: true, country: true, status: true, listPublicly: true, name: true, email: true, title: true,
  affiliation: true, organizationName: true, website: true, confirmedAt: true,
} as const;
