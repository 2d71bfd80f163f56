import type { z } from "zod";
import type {
  countsBodySchema,
  historyBodySchema,
  LetterListItem,
  PublicSignaturePage,
  SignAccepted,
  signRequestSchema,
  SigningChallenge,
} from "./schemas";
import { HISTORY_CSV_HEADER, PUBLIC_SIGNATORIES_CSV_HEADER } from "../export/csv-columns";
import type { WebhookEvent, WebhookPayload } from "../webhooks/payloads";

// Examples for the API document and its page. Each is typed by the schema it shows, and
// the unit test (lib/api/openapi-document.test.ts) validates each against the document.

export const letterListExample: LetterListItem[] = [
  { slug: "strong-encryption-open-letter", title: "Open letter to world leaders: protect strong encryption", kind: "open_letter", status: "open", total: 1204 },
  { slug: "iti-statement-on-encryption", title: "Statement on encryption", kind: "statement", status: "open", total: 61 },
];

export const countsExample: z.infer<typeof countsBodySchema> = {
  slug: "strong-encryption-open-letter",
  total: 1204,
  individuals: 1150,
  organizations: 54,
  countries: [
    { country: "DE", name: "Germany", total: 310, individuals: 298, organizations: 12 },
    { country: "KE", name: "Kenya", total: 88, individuals: 80, organizations: 8 },
  ],
  updatedAt: "2026-11-30T11:58:02.114Z",
};

export const signaturePageExample: PublicSignaturePage = {
  items: [
    {
      id: "cm3x0d5q20001a8l4h2v9k7rj",
      kind: "individual",
      name: "Amina Odhiambo",
      title: "Security researcher",
      affiliation: "University of Nairobi",
      organizationName: null,
      website: null,
      country: "KE",
      signedAt: "2026-11-29T08:14:51.000Z",
    },
    {
      id: "cm3x0f1kz0003a8l4b6n2s0te",
      kind: "organization",
      name: "Digital Rights Watch",
      title: null,
      affiliation: null,
      organizationName: "Digital Rights Watch",
      website: "https://digitalrights.example",
      country: "AU",
      signedAt: "2026-11-29T09:02:10.000Z",
    },
  ],
  nextCursor: "WzE3NjQ0MDczMzAwMDAsImNtM3gwZjFrejAwMDNhOGw0YjZuMnMwdGUiXQ",
};

export const historyExample: z.infer<typeof historyBodySchema> = {
  slug: "strong-encryption-open-letter",
  days: [
    { day: "2026-11-28", total: 700, individuals: 670, organizations: 30, added: 700 },
    { day: "2026-11-29", total: 1150, individuals: 1100, organizations: 50, added: 450 },
    { day: "2026-11-30", total: 1204, individuals: 1150, organizations: 54, added: 54 },
  ],
};

export const challengeExample: SigningChallenge = { required: false, challenge: null };

export const signRequestExample: z.input<typeof signRequestSchema> = {
  kind: "individual",
  name: "Ada Lovelace",
  email: "ada@example.org",
  country: "GB",
  title: "Mathematician",
  listPublicly: true,
  consent: true,
};

export const signAcceptedExample: SignAccepted = { status: "pending_verification" };

export const historyCsvExample = [HISTORY_CSV_HEADER.join(","), "2026-11-29,DE,Germany,120,3,123", "2026-11-29,KE,Kenya,30,1,31", ""].join("\r\n");

export const signatoriesCsvExample = [
  PUBLIC_SIGNATORIES_CSV_HEADER.join(","),
  "individual,Amina Odhiambo,Security researcher,University of Nairobi,,KE,Kenya,2026-11-29T08:14:51.000Z",
  "organization,Digital Rights Watch,,,https://digitalrights.example,AU,Australia,2026-11-29T09:02:10.000Z",
  "",
].join("\r\n");

const letter = { slug: "strong-encryption-open-letter", title: "Open letter to world leaders: protect strong encryption" };

export const webhookExamples: { [E in WebhookEvent]: WebhookPayload<E> } = {
  "signature.confirmed": {
    type: "signature.confirmed",
    timestamp: "2026-11-30T10:15:00.000Z",
    data: {
      letter,
      signature: {
        id: "cm3x0d5q20001a8l4h2v9k7rj",
        kind: "individual",
        country: "KE",
        listPublicly: true,
        status: "counted",
        name: "Amina Odhiambo",
        title: "Security researcher",
        affiliation: "University of Nairobi",
        organizationName: null,
        website: null,
        confirmedAt: "2026-11-30T10:15:00.000Z",
      },
    },
  },
  "organization.approved": {
    type: "organization.approved",
    timestamp: "2026-11-30T11:00:00.000Z",
    data: {
      letter,
      signature: {
        id: "cm3x0f1kz0003a8l4b6n2s0te",
        kind: "organization",
        country: "AU",
        listPublicly: true,
        status: "counted",
        name: "Digital Rights Watch",
        title: null,
        affiliation: null,
        organizationName: "Digital Rights Watch",
        website: "https://digitalrights.example",
        confirmedAt: "2026-11-30T09:40:00.000Z",
      },
    },
  },
  "signature.withdrawn": {
    type: "signature.withdrawn",
    timestamp: "2026-11-30T12:30:00.000Z",
    data: { letter, signature: { id: "cm3x0d5q20001a8l4h2v9k7rj", kind: "individual", country: "KE", withdrawnAt: "2026-11-30T12:30:00.000Z" } },
  },
  "milestone.reached": {
    type: "milestone.reached",
    timestamp: "2026-11-30T12:45:00.000Z",
    data: { letter, milestone: { count: 1000, isGoal: false }, total: 1000 },
  },
};
