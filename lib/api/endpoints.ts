import { z } from "zod";
import { LANGS, SIZES, THEMES } from "@/app/embed/[slug]/options";
import {
  acceptLanguage,
  cachedOk,
  databaseUnavailable,
  error,
  ifNoneMatch,
  jsonContent,
  letterNotFound,
  notModified,
  preflight,
  slugParameter,
  type Endpoint,
} from "./endpoint-parts";
import {
  challengeExample,
  countsExample,
  historyCsvExample,
  historyExample,
  letterListExample,
  signAcceptedExample,
  signatoriesCsvExample,
  signaturePageExample,
  signRequestExample,
} from "./examples";
import {
  countsBodySchema,
  historyBodySchema,
  letterListSchema,
  publicSignaturePageSchema,
  publicSignaturesQuerySchema,
  signAcceptedSchema,
  signingChallengeSchema,
  signRequestSchema,
} from "./schemas";
import { unsubscribeAnswerSchema } from "../updates/unsubscribe-answer";

// Every public endpoint, in the order the API page shows them. GET /api/openapi.json and
// /docs/api are made from this list; e2e/openapi-contract.spec.ts fails while a public
// route is missing from it. A new endpoint is one entry (with its preflight if it has one).

const text = (example?: string) => ({ schema: z.string(), example });

export const ENDPOINTS: Endpoint[] = [
  {
    method: "get",
    path: "/api/letters",
    tag: "Letters",
    summary: "List the letters",
    description: "Every published letter with its total, newest first. `GET /` answers the same to a client whose `Accept` asks for JSON.",
    parameters: [ifNoneMatch],
    responses: {
      200: cachedOk("The letters.", jsonContent(letterListSchema, letterListExample)),
      304: notModified,
      503: databaseUnavailable(),
    },
  },
  preflight("/api/letters", "Letters"),
  {
    method: "get",
    path: "/",
    tag: "Letters",
    summary: "List the letters (home page)",
    description: "The home page; with `Accept: application/json` (and not `text/html`), the same JSON as `GET /api/letters`.",
    parameters: [{ name: "Accept", in: "header", description: "`application/json` for the JSON list.", schema: z.string(), example: "application/json" }],
    responses: {
      200: {
        description: "The letters: as JSON (with CORS, an ETag and Cache-Control, as `GET /api/letters`), or as the home page.",
        content: { ...jsonContent(letterListSchema, letterListExample), "text/html": text() },
        headers: ["Vary"],
      },
      304: notModified,
      503: databaseUnavailable(),
    },
  },
  {
    method: "get",
    path: "/api/letters/{slug}/counts",
    tag: "Letters",
    summary: "A letter's counts",
    description:
      "The counted signatures by kind and by country (largest first). A confirmed signature shows here within 5 seconds. Poll it with `If-None-Match`: a `304` costs almost nothing.",
    parameters: [slugParameter, ifNoneMatch],
    responses: {
      200: cachedOk("The counts.", jsonContent(countsBodySchema, countsExample)),
      304: notModified,
      404: letterNotFound(),
      503: databaseUnavailable(),
    },
  },
  preflight("/api/letters/{slug}/counts", "Letters"),
  {
    method: "get",
    path: "/api/letters/{slug}/signatures",
    tag: "Letters",
    summary: "A letter's public signatories",
    description: "Signers who chose to be listed and whose signatures count, oldest first, 50 to a page. Never an email, and never an organisation's contact person.",
    parameters: [
      slugParameter,
      { name: "kind", in: "query", description: "Only people (`individual`) or only organisations (`organization`).", schema: publicSignaturesQuerySchema.shape.kind },
      { name: "cursor", in: "query", description: "The `nextCursor` of the page before.", schema: publicSignaturesQuerySchema.shape.cursor },
      ifNoneMatch,
      acceptLanguage,
    ],
    responses: {
      200: cachedOk("A page of signatories.", jsonContent(publicSignaturePageSchema, signaturePageExample)),
      304: notModified,
      404: letterNotFound(),
      422: error("`kind` or `cursor` is not one this endpoint gave out; `fields` names it.", ["invalid_query"]),
      503: databaseUnavailable(),
    },
  },
  {
    method: "post",
    path: "/api/letters/{slug}/signatures",
    tag: "Signing",
    summary: "Sign a letter",
    description:
      "Validated with the same schema as the sign form. The signer is sent an email and the signature counts once they confirm it (an organisation's also once a moderator approves it). The answer is the same for a new, repeated or duplicate signing, so no one can learn who signed. This endpoint sends no CORS headers: call it from a server, not from a page on another site.",
    parameters: [slugParameter, acceptLanguage],
    requestBody: { description: "The signature, as JSON (`Content-Type: application/json`, at most 16 KB).", schema: signRequestSchema, example: signRequestExample },
    responses: {
      202: { description: "Accepted: a confirmation email is on its way.", content: jsonContent(signAcceptedSchema, signAcceptedExample) },
      400: error("The body is not JSON, or not a JSON object.", ["invalid_json"], { cors: false }),
      404: letterNotFound(false),
      409: error("The letter is not open for signatures (paused or closed).", ["letter_not_open"], { cors: false }),
      413: error("The body is larger than 16 KB.", ["body_too_large"], { cors: false }),
      415: error("The body is not `application/json`.", ["unsupported_media_type"], { cors: false }),
      422: error("A field is missing or wrong (`fields` says which and why, in the language of `Accept-Language`), or the letter does not take this kind of signer.", ["invalid_input", "kind_not_allowed"], { cors: false }),
      429: error("Too many signings from this address, or with this email, for now.", ["rate_limited"], { cors: false, headers: ["Retry-After"] }),
      503: databaseUnavailable(false),
    },
  },
  preflight("/api/letters/{slug}/signatures", "Letters"),
  {
    method: "post",
    path: "/api/unsubscribe/{token}",
    tag: "Signing",
    summary: "Stop a letter's updates (one-click unsubscribe)",
    description:
      "Every update email to a signer carries `List-Unsubscribe: <{APP_URL}/unsubscribe/{token}>` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058). A POST to that address comes here: with the form-encoded body `List-Unsubscribe=One-Click`, as mail providers send it, no more updates of that letter reach the signer, and those queued for them are dropped. No sign-in and no cookies: the token is the proof. Repeating it is harmless. The unsubscribe page's own button sends `from=page` and is sent back to the page. No CORS headers: a server or a form needs none.",
    parameters: [
      { name: "token", in: "path", required: true, description: "The token from the update email's link.", schema: z.string(), example: "Qm9vbV9leGFtcGxlX3Rva2VuX29ubHlfZm9yX2RvY3M" },
    ],
    responses: {
      200: { description: "Unsubscribed (or already).", content: jsonContent(unsubscribeAnswerSchema, { status: "unsubscribed" }) },
      303: { description: "From the unsubscribe page's button (`from=page`): back to the page, which now says it is done (`Location`)." },
      404: error("The link is not one we sent, or it was cut short.", ["unsubscribe_not_found"], { cors: false }),
      429: error("Too many attempts from this address for now.", ["rate_limited"], { cors: false, headers: ["Retry-After"] }),
      503: databaseUnavailable(false),
    },
  },
  {
    method: "get",
    path: "/api/letters/{slug}/challenge",
    tag: "Signing",
    summary: "The proof of work to bring",
    description:
      "When `challenge` is not null, solve it with altcha-lib (`solveChallenge`) and add `\"proofOfWork\": base64(JSON.stringify({ challenge, solution }))` to the sign body. Each challenge signs once and expires after 10 minutes. No CORS; never cached.",
    parameters: [slugParameter],
    responses: {
      200: { description: "What the next signing must bring.", content: jsonContent(signingChallengeSchema, challengeExample), headers: ["Cache-Control"] },
      404: letterNotFound(false),
      429: error("Too many challenges asked for from this address for now.", ["rate_limited"], { cors: false, headers: ["Retry-After"] }),
      503: databaseUnavailable(false),
    },
  },
  {
    method: "get",
    path: "/api/letters/{slug}/history",
    tag: "Letters",
    summary: "A letter's history by day",
    description: "The running total at the end of each UTC day, oldest first, quiet days included.",
    parameters: [slugParameter, ifNoneMatch],
    responses: {
      200: cachedOk("The history.", jsonContent(historyBodySchema, historyExample)),
      304: notModified,
      404: letterNotFound(),
      503: databaseUnavailable(),
    },
  },
  preflight("/api/letters/{slug}/history", "Letters"),
  {
    method: "get",
    path: "/api/letters/{slug}/history.csv",
    tag: "Open data",
    summary: "History by day and country, as CSV",
    description:
      "One row per UTC day and country: the signatures counted that day that still count. A country's rows add up to its count today. Published under CC BY 4.0 unless the letter says otherwise.",
    parameters: [slugParameter, ifNoneMatch],
    responses: {
      200: cachedOk("The CSV (RFC 4180, CRLF line ends).", { "text/csv": text(historyCsvExample) }, ["Content-Disposition"]),
      304: notModified,
      404: letterNotFound(),
      503: databaseUnavailable(),
    },
  },
  preflight("/api/letters/{slug}/history.csv", "Open data"),
  {
    method: "get",
    path: "/letters/{slug}/signatories.csv",
    tag: "Open data",
    summary: "Public signatories, as CSV",
    description: "Every listed, counted signer, oldest first, with a byte-order mark so spreadsheets read it as UTF-8. Never an email.",
    parameters: [slugParameter, ifNoneMatch],
    responses: {
      200: { description: "The CSV.", content: { "text/csv": text(signatoriesCsvExample) }, headers: ["Access-Control-Allow-Origin", "Cache-Control", "Content-Disposition"] },
      304: notModified,
      404: letterNotFound(),
      429: error("A long list is streamed, a few downloads an hour per address.", ["rate_limited"], { headers: ["Retry-After"] }),
      503: error(
        "Too many long lists are being streamed at once (`export_busy`), or the database cannot be reached for a moment (`database_unavailable`); try again after `Retry-After` seconds.",
        ["export_busy", "database_unavailable"],
        { headers: ["Retry-After"] },
      ),
    },
  },
  preflight("/letters/{slug}/signatories.csv", "Open data"),
  {
    method: "get",
    path: "/letters/{slug}/organizations.atom",
    tag: "Open data",
    summary: "Newly listed organisations, as an Atom feed",
    description: "The newest 100 listed organisations (RFC 4287), newest first: name, website and when each was counted. Never an email or a contact's name.",
    parameters: [slugParameter, ifNoneMatch],
    responses: {
      200: cachedOk("The feed.", { "application/atom+xml": text() }),
      304: notModified,
      404: letterNotFound(),
      503: databaseUnavailable(),
    },
  },
  preflight("/letters/{slug}/organizations.atom", "Open data"),
  {
    method: "get",
    path: "/letters/{slug}/deliveries/{id}/photo/{digest}",
    tag: "Open data",
    summary: "A delivery's photo",
    description:
      "The photo of a delivery of the letter, as its page's timeline shows it (JPEG, PNG or WebP). Its address holds a digest of its bytes: a new photo gets a new address, so this one may be kept for a year.",
    parameters: [
      slugParameter,
      { name: "id", in: "path", description: "The delivery.", schema: z.string(), required: true },
      { name: "digest", in: "path", description: "The photo's digest, as the letter page links it.", schema: z.string(), required: true },
    ],
    responses: {
      200: {
        description: "The photo, sent with `X-Content-Type-Options: nosniff`.",
        content: { "image/jpeg": { schema: z.string() }, "image/png": { schema: z.string() }, "image/webp": { schema: z.string() } },
        headers: ["Cache-Control"],
      },
      404: { description: "No published letter has this address, or it has no such photo.", content: { "text/plain": text("Not found") } },
      503: databaseUnavailable(),
    },
  },
  {
    method: "get",
    path: "/api/letters/{slug}/badge.svg",
    tag: "Embedding",
    summary: "A badge with the count",
    description: "A small SVG image with the live total, for places without scripts: `![Signatures](…/badge.svg)`.",
    parameters: [
      slugParameter,
      { name: "label", in: "query", description: "The badge's words (at most 40 characters); by default \"signatures\" in its language.", schema: z.string() },
      { name: "lang", in: "query", description: "`en`, `fr`, `de`, `es` or `ar`; else the reader's `Accept-Language`.", schema: z.string() },
      ifNoneMatch,
    ],
    responses: {
      200: cachedOk("The badge.", { "image/svg+xml": text() }),
      304: notModified,
      404: letterNotFound(),
      503: databaseUnavailable(),
    },
  },
  preflight("/api/letters/{slug}/badge.svg", "Embedding"),
  {
    method: "get",
    path: "/embed/{slug}",
    tag: "Embedding",
    summary: "The live counter widget",
    description:
      "A page made to sit in an iframe on any site (`frame-ancestors *`): title, live total, goal, top countries and a link to the letter. It sets no cookies and polls the counts every 5 seconds. `/embed.js` puts it on a page for you.",
    parameters: [
      slugParameter,
      { name: "theme", in: "query", description: "Colours.", schema: z.enum(THEMES) },
      { name: "size", in: "query", description: "How much it shows.", schema: z.enum(SIZES) },
      { name: "lang", in: "query", description: "Its language; else the reader's `Accept-Language`.", schema: z.enum(LANGS as [string, ...string[]]) },
      { name: "transparent", in: "query", description: "`1`: no card, the host page's background shows through.", schema: z.string() },
      ifNoneMatch,
    ],
    responses: {
      200: cachedOk("The widget.", { "text/html": text() }),
      304: notModified,
      404: { description: "No published letter has this address: a short page that says so.", content: { "text/html": text() } },
    },
  },
  {
    method: "get",
    path: "/embed.js",
    tag: "Embedding",
    summary: "The embed script",
    description:
      "`<script src=\"…/embed.js\" data-letter=\"{slug}\" async></script>` puts the widget's iframe right after the tag and keeps it as tall as the widget. The widget's options go in `data-` attributes.",
    parameters: [ifNoneMatch],
    responses: {
      200: cachedOk("The script, the same for every site.", { "text/javascript": text() }),
      304: notModified,
    },
  },
  {
    method: "get",
    path: "/world-map.svg",
    tag: "Embedding",
    summary: "The world map's outlines",
    description: "The country outlines the letter page's map draws with (an SVG sprite, one symbol per country). Asked for with `?v=`, a version, and kept for a year.",
    parameters: [{ name: "v", in: "query", description: "The outlines' version.", schema: z.string() }, ifNoneMatch],
    responses: {
      200: cachedOk("The outlines.", { "image/svg+xml": text() }),
      304: notModified,
    },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    tag: "Operations",
    summary: "This document",
    description: "The OpenAPI 3.1 document of this API, generated from the schemas the code validates and answers with. Read it at `/docs/api`.",
    parameters: [ifNoneMatch],
    responses: {
      200: cachedOk("The document.", { "application/json": { schema: z.object({ openapi: z.string() }).loose() } }),
      304: notModified,
    },
  },
  preflight("/api/openapi.json", "Operations"),
  {
    method: "get",
    path: "/api/ping",
    tag: "Operations",
    summary: "Is the server up?",
    description: "Answers `ok` without touching the database: a liveness check, and the benchmark's yardstick.",
    responses: { 200: { description: "Up.", content: { "text/plain": text("ok") }, headers: ["Cache-Control"] } },
  },
];
