import { z } from "zod";
import { HEADERS, TAGS, type Answer, type Endpoint, type Parameter } from "./endpoint-parts";
import { ENDPOINTS } from "./endpoints";
import { webhookExamples } from "./examples";
import { WEBHOOK_EVENTS, webhookPayloadSchemas } from "../webhooks/payloads";
import {
  countsBodySchema,
  historyBodySchema,
  letterListSchema,
  publicSignaturePageSchema,
  signAcceptedSchema,
  signingChallengeSchema,
  signRequestSchema,
} from "./schemas";

/** Names for the schemas a reader meets most; others are named after their operation. */
const COMPONENT_NAMES = new Map<z.ZodType, string>([
  [letterListSchema, "LetterList"],
  [countsBodySchema, "Counts"],
  [publicSignaturePageSchema, "SignaturePage"],
  [historyBodySchema, "History"],
  [signingChallengeSchema, "SigningChallenge"],
  [signRequestSchema, "SignRequest"],
  [signAcceptedSchema, "SignAccepted"],
]);

// The OpenAPI 3.1 document of the public API, made from the endpoint list
// (lib/api/endpoints.ts) and the zod schemas the code validates and answers with:
// requests as their input side (what a client may send), answers as their output side
// (what the server writes). JSON Schema 2020-12 is OpenAPI 3.1's own dialect.

export type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  webhooks: Record<string, { post: Operation }>;
  components: { schemas: Record<string, JsonSchema>; headers: Record<string, unknown> };
};
export type Operation = Record<string, unknown> & { tags?: string[]; summary: string; description?: string };

export const OPENAPI_VERSION = "3.1.1";

/** The zod schema as JSON Schema 2020-12, without its own `$schema` (the document's dialect is). */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const converted = z.toJSONSchema(schema, { target: "draft-2020-12", io }) as JsonSchema;
  delete converted.$schema;
  return converted;
}

/** Component names for the schemas shared between operations, so each is written once. */
function componentNamer() {
  const schemas: Record<string, JsonSchema> = {};
  const names = new Map<string, string>();
  return {
    schemas,
    ref(name: string, schema: JsonSchema): JsonSchema {
      const key = JSON.stringify(schema);
      let found = names.get(key);
      if (!found) {
        found = name;
        for (let n = 2; found in schemas; n++) found = `${name}${n}`;
        schemas[found] = schema;
        names.set(key, found);
      }
      return { $ref: `#/components/schemas/${found}` };
    },
  };
}

export function buildOpenApiDocument({ serverUrl }: { serverUrl: string }): OpenApiDocument {
  const components = componentNamer();
  const schemaName = (endpoint: Endpoint, status: number | "request") => {
    const words = `${endpoint.method} ${endpoint.path.replace(/[{}]/g, "")} ${status}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
    return words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  };

  const parameter = (p: Parameter) => ({
    name: p.name,
    in: p.in,
    description: p.description,
    required: p.in === "path" ? true : (p.required ?? false),
    schema: jsonSchema(p.schema, "input"),
    ...(p.example === undefined ? {} : { example: p.example }),
  });

  const answer = (endpoint: Endpoint, status: number, a: Answer) => ({
    description: a.description,
    ...(a.headers?.length ? { headers: Object.fromEntries(a.headers.map((h) => [h, { $ref: `#/components/headers/${h}` }])) } : {}),
    ...(a.content
      ? {
          content: Object.fromEntries(
            Object.entries(a.content).map(([type, { schema, example }]) => {
              const converted = schema ? jsonSchema(schema, "output") : { type: "string" };
              const shown = type === "application/json" ? components.ref((schema && COMPONENT_NAMES.get(schema)) ?? errorName(converted) ?? schemaName(endpoint, status), converted) : converted;
              return [type, { schema: shown, ...(example === undefined ? {} : { example }) }];
            }),
          ),
        }
      : {}),
  });

  const operation = (endpoint: Endpoint): Operation => ({
    tags: [endpoint.tag],
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    operationId: schemaName(endpoint, "request").replace(/Request$/, ""),
    parameters: (endpoint.parameters ?? []).map(parameter),
    ...(endpoint.requestBody
      ? {
          requestBody: {
            required: true,
            description: endpoint.requestBody.description,
            content: {
              "application/json": {
                schema: components.ref(COMPONENT_NAMES.get(endpoint.requestBody.schema) ?? schemaName(endpoint, "request"), jsonSchema(endpoint.requestBody.schema, "input")),
                example: endpoint.requestBody.example,
              },
            },
          },
        }
      : {}),
    responses: Object.fromEntries(Object.entries(endpoint.responses).map(([status, a]) => [status, answer(endpoint, Number(status), a)])),
  });

  const paths: OpenApiDocument["paths"] = {};
  for (const endpoint of ENDPOINTS) (paths[endpoint.path] ??= {})[endpoint.method] = operation(endpoint);

  const webhooks: OpenApiDocument["webhooks"] = {};
  for (const event of WEBHOOK_EVENTS) {
    const schema = webhookPayloadSchemas[event];
    const description = z.globalRegistry.get(schema)?.description;
    webhooks[event] = {
      post: {
        tags: ["Webhooks"],
        summary: event,
        description: `${description ?? ""} Sent to every enabled endpoint registered for the letter (or for all letters) and this event.`.trim(),
        operationId: `webhook ${event}`.split(/[^A-Za-z0-9]+/).map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join(""),
        parameters: WEBHOOK_HEADERS.map(({ name, description: d, example }) => ({ name, in: "header", required: true, description: d, schema: { type: "string" }, example })),
        requestBody: {
          required: true,
          content: { "application/json": { schema: components.ref(operationName(event), jsonSchema(schema, "output")), example: webhookExamples[event] } },
        },
        responses: {
          "2XX": { description: "Received. Answer quickly and do the work afterwards." },
          default: { description: "Not received: the delivery is tried again with growing delays for about a day, and an endpoint that keeps failing is disabled." },
        },
      },
    };
  }

  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: "Open Letters API",
      version: "1",
      summary: "Letters, their counts and signatories, signing, open data and webhooks.",
      description:
        "Public data needs no key. Errors have one shape: `{ \"error\": { \"code\", \"message\", \"fields\"? } }`. The GETs answer with CORS `*`, a strong `ETag` (`304` on `If-None-Match`) and a short `Cache-Control`; signing has no CORS and is meant for servers. Data are published under CC BY 4.0 unless a letter says otherwise.",
      license: { name: "CC BY 4.0 (the data)", url: "https://creativecommons.org/licenses/by/4.0/" },
    },
    servers: [{ url: serverUrl }],
    tags: [
      ...Object.entries(TAGS).map(([name, description]) => ({ name, description })),
      { name: "Webhooks", description: "Events this site sends to the HTTPS endpoints an admin registers, signed as Standard Webhooks says." },
    ],
    paths,
    webhooks,
    components: {
      schemas: components.schemas,
      headers: Object.fromEntries(
        Object.entries(HEADERS).map(([name, { description, required }]) => [name, { description, required, schema: { type: "string" } }]),
      ),
    },
  };
}

/** The Standard Webhooks headers every delivery carries (https://www.standardwebhooks.com). */
export const WEBHOOK_HEADERS = [
  { name: "webhook-id", description: "The delivery's id, the same on every retry of it: use it to ignore a delivery you already handled.", example: "msg_2aWJ0hZ8kq4Xv7mT1rYcLpNe" },
  { name: "webhook-timestamp", description: "When it was sent, in seconds since 1970 (UTC). Refuse one far from your clock (5 minutes) to stop replays.", example: "1764497700" },
  {
    name: "webhook-signature",
    description: "`v1,` and the base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` with the endpoint's secret (shown once, `whsec_…`). It may hold several, space-separated: one that verifies is enough.",
    example: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
  },
];

const operationName = (event: string) => `Webhook${event.split(".").map((w) => w[0].toUpperCase() + w.slice(1)).join("")}`;

/** An error body's component name from the codes it may carry: `ErrorLetterNotFound`. */
function errorName(schema: JsonSchema): string | null {
  const code = (schema.properties as { error?: { properties?: { code?: { enum?: string[] } } } } | undefined)?.error?.properties?.code?.enum;
  if (!code) return null;
  return `Error${code.map((c) => c.split("_").map((w) => w[0].toUpperCase() + w.slice(1)).join("")).join("Or")}`;
}

let cached: { serverUrl: string; document: OpenApiDocument } | undefined;

/** The document, built once per process (it depends only on the code and the public URL). */
export function openApiDocument(serverUrl: string): OpenApiDocument {
  if (cached?.serverUrl !== serverUrl) cached = { serverUrl, document: buildOpenApiDocument({ serverUrl }) };
  return cached.document;
}
