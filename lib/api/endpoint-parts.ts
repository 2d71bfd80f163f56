import { z } from "zod";
import { errorBodySchema } from "./schemas";

// The pieces the API's endpoints are described with (lib/api/endpoints.ts): one place for
// the answers many of them share (304, the letter's 404, the database's 503) and the
// headers they carry, so that an endpoint is one short entry.

export type Method = "get" | "post" | "options";

export interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  description: string;
  schema: z.ZodType;
  required?: boolean;
  example?: string;
}

export interface Content {
  /** A JSON body's schema (the one the code answers with); a text body is a string. */
  schema?: z.ZodType;
  example?: unknown;
}

export interface Answer {
  description: string;
  /** By media type (without parameters: the answer's may add `; charset=utf-8`). */
  content?: Record<string, Content>;
  headers?: HeaderName[];
}

export interface Endpoint {
  method: Method;
  /** An OpenAPI path template: `/api/letters/{slug}/counts`. */
  path: string;
  tag: Tag;
  summary: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { description: string; schema: z.ZodType; example: unknown };
  responses: Record<number, Answer>;
}

export const TAGS = {
  Letters: "The letters and their counts, for campaign sites, journalists and programs.",
  Signing: "Signing a letter from a program of your own (a campaign site's server, say).",
  "Open data": "Files for spreadsheets and feed readers.",
  Embedding: "The live counter for other sites, and the files it needs.",
  Operations: "For the people who run the site and the programs that read this document.",
} as const;
export type Tag = keyof typeof TAGS;

/** Response headers, described once. `required`: every answer that lists it carries it. */
export const HEADERS = {
  "Access-Control-Allow-Origin": { description: "`*`: any site may read the answer from a browser.", required: true },
  "Access-Control-Expose-Headers": { description: "`ETag, Retry-After`: a page on another site may read them.", required: true },
  ETag: { description: "A strong validator of the body: send it back in `If-None-Match` to get `304` while nothing changed.", required: true },
  "Cache-Control": { description: "How long browsers and shared caches may keep the answer.", required: true },
  Vary: { description: "The request headers the answer depends on (`Accept-Language` for words in the reader's language).", required: false },
  "Retry-After": { description: "Seconds to wait before trying again.", required: true },
  "Content-Disposition": { description: "A file name for saving the download.", required: true },
  "Access-Control-Allow-Methods": { description: "`GET, HEAD, OPTIONS`.", required: true },
  "Access-Control-Allow-Headers": { description: "`If-None-Match`: a page on another site may revalidate. Not `Content-Type`: no other site's page can send JSON here.", required: true },
  "Access-Control-Max-Age": { description: "How long the browser may keep this preflight's answer (a day).", required: true },
} as const;
export type HeaderName = keyof typeof HEADERS;

export const slugParameter: Parameter = {
  name: "slug",
  in: "path",
  required: true,
  description: "The letter's address, as in `/letters/{slug}`.",
  schema: z.string(),
  example: "strong-encryption-open-letter",
};

export const ifNoneMatch: Parameter = {
  name: "If-None-Match",
  in: "header",
  description: "The `ETag` of the copy you have: the answer is then `304` with no body while it is still current.",
  schema: z.string(),
};

export const acceptLanguage: Parameter = {
  name: "Accept-Language",
  in: "header",
  description: "The language of error messages (and of badges and widgets): `en`, `fr`, `de`, `es` or `ar`; English otherwise.",
  schema: z.string(),
  example: "fr",
};

const CORS: HeaderName[] = ["Access-Control-Allow-Origin", "Access-Control-Expose-Headers"];

const json = (schema: z.ZodType, example?: unknown): Record<string, Content> => ({ "application/json": { schema, example } });

/** An error answer whose `code` is one of `codes`. */
export const error = (description: string, codes: [string, ...string[]], { cors = true, headers = [] as HeaderName[] } = {}): Answer => ({
  description,
  content: json(errorBodySchema(codes)),
  headers: [...(cors ? CORS : []), ...headers],
});

/** A public, cacheable 200 with CORS, an ETag and Cache-Control. */
export const cachedOk = (description: string, content: Record<string, Content>, extra: HeaderName[] = []): Answer => ({
  description,
  content,
  headers: [...CORS, "ETag", "Cache-Control", ...extra],
});

export const jsonContent = json;

export const notModified: Answer = {
  description: "Not modified: the `If-None-Match` you sent is still the current `ETag`. No body.",
  headers: ["ETag"],
};

export const letterNotFound = (cors = true) =>
  error("No published letter has this address (drafts are not published).", ["letter_not_found"], { cors });

export const databaseUnavailable = (cors = true) =>
  error("The database cannot be reached for a moment; try again after `Retry-After` seconds.", ["database_unavailable"], { cors, headers: ["Retry-After"] });

/** The CORS preflight a browser sends before a cross-site revalidation (`If-None-Match`). */
export const preflight = (path: string, tag: Tag): Endpoint => ({
  method: "options",
  path,
  tag,
  summary: "CORS preflight",
  description: "What a browser asks before reading the answer from another site with `If-None-Match`. Only `GET` and `HEAD` are allowed across sites.",
  parameters: path.includes("{slug}") ? [slugParameter] : [],
  responses: {
    204: {
      description: "Allowed.",
      headers: ["Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Max-Age"],
    },
  },
});
