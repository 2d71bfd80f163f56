import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import type { JsonSchema, OpenApiDocument } from "../lib/api/openapi-document";
import { everySchema, openApiValidator, resolvePointer, unresolvedRefs } from "../lib/api/openapi-validator";
import { fillLetter } from "./a11y-support";
import { E2E_DATABASE_KIND } from "./config";
import { sql, timestamp } from "./db";
import { createLetter, uniqueEmail } from "./support";

// The API document and the app cannot drift apart: real answers of every public endpoint,
// for each status a test can provoke, are validated against what /api/openapi.json says
// for that path, method, status and media type (JSON bodies with Ajv, CSV by its header
// row, feeds and images by their kind); every route the app has is in the document.

const ROOT = path.resolve(import.meta.dirname, "..");
const ONE_PIXEL_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

// Routes that are not the public API: sign-in (Auth.js), the staff area, the local
// mailbox, and a signer's own data behind the secret link emailed to them.
const NOT_PUBLIC = [/^\/api\/auth\//, /^\/admin(\/|$)/, /^\/dev\//, /^\/my-data\//];

// Documented answers no test here can bring about: the database out of reach (e2e/database-down.spec.ts checks those), streams
// of the signatories CSV all busy or spent, a client asking for 60 challenges a minute.
const NOT_PROVOKED = [
  "get /api/letters 503",
  "get / 503",
  "get /api/letters/{slug}/counts 503",
  "get /api/letters/{slug}/signatures 503",
  "post /api/letters/{slug}/signatures 503",
  "get /api/letters/{slug}/history 503",
  "get /api/letters/{slug}/challenge 429",
  "get /api/letters/{slug}/challenge 503",
  "get /api/letters/{slug}/history.csv 503",
  "get /letters/{slug}/organizations.atom 503",
  "get /letters/{slug}/deliveries/{id}/photo/{digest} 503",
  "get /api/letters/{slug}/badge.svg 503",
  "post /api/unsubscribe/{token} 429",
  "post /api/unsubscribe/{token} 503",
  "get /letters/{slug}/signatories.csv 429",
  "get /letters/{slug}/signatories.csv 503",
];

async function fetchDocument(request: APIRequestContext): Promise<OpenApiDocument> {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  return response.json();
}

/** Every public route file as its OpenAPI path, with the methods it exports. */
function publicRoutes(): { path: string; methods: string[] }[] {
  const routes: { path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx)$/.test(entry.name)) {
        const segments = path.relative(path.join(ROOT, "app"), dir).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
        const route = `/${segments.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`;
        if (NOT_PUBLIC.some((pattern) => pattern.test(route))) continue;
        const source = fs.readFileSync(full, "utf8");
        const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map((m) => m[1].toLowerCase());
        routes.push({ path: route, methods });
      }
    }
  };
  walk(path.join(ROOT, "app"));
  return routes;
}

test("the document is OpenAPI 3.1, its $refs resolve, its schemas compile, and it is served with CORS and an ETag", async ({ request }) => {
  const response = await request.get("/api/openapi.json", { headers: { Origin: "https://tools.example" } });
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const document: OpenApiDocument = await response.json();
  expect(document.openapi).toMatch(/^3\.1\.\d+$/);
  expect(document.info.title).toBeTruthy();
  expect(unresolvedRefs(document)).toEqual([]);
  const validator = openApiValidator(document);
  for (const { at, schema } of everySchema(document)) expect(() => validator.compile(schema), at).not.toThrow();
  expect(Object.keys(document.webhooks).sort()).toEqual(["milestone.reached", "organization.approved", "signature.confirmed", "signature.withdrawn"]);
  const again = await request.get("/api/openapi.json", { headers: { "If-None-Match": response.headers().etag } });
  expect(again.status()).toBe(304);
});

test("every public route of the app, with each method it answers, is in the document, and the document has no route the app lacks", async ({ request }) => {
  const document = await fetchDocument(request);
  const routes = publicRoutes();
  expect(routes.map((r) => r.path)).toContain("/api/letters/{slug}/signatures");
  const missing = routes.flatMap((r) => r.methods.filter((m) => !document.paths[r.path]?.[m]).map((m) => `${m.toUpperCase()} ${r.path}`));
  expect(missing, "routes the document does not describe").toEqual([]);
  const known = new Set(routes.map((r) => r.path));
  // GET / is a page, answering JSON to clients that ask for it (next.config.ts rewrites).
  expect(Object.keys(document.paths).filter((p) => p !== "/" && !known.has(p)), "documented paths with no route").toEqual([]);
});

test("real answers of every public endpoint fit the document, for each status a test can provoke", async ({ request }) => {
  test.setTimeout(120_000);
  const document = await fetchDocument(request);
  const validator = openApiValidator(document);
  const seen = new Set<string>();

  /** Checks one real answer against the document's answer for its path, method and status. */
  async function fits(response: APIResponse, method: string, template: string) {
    const status = response.status();
    const what = `${method.toUpperCase()} ${template} ${status}`;
    const answer = document.paths[template]?.[method]?.responses as Record<string, DocumentedAnswer> | undefined;
    const documented = answer?.[String(status)];
    expect(documented, `${what} is documented`).toBeDefined();
    seen.add(`${method} ${template} ${status}`);
    for (const [name, header] of Object.entries(documented!.headers ?? {})) {
      const resolved = resolvePointer(document, (header as { $ref: string }).$ref) as { required?: boolean };
      if (resolved.required) expect(response.headers()[name.toLowerCase()], `${what} carries ${name}`).toBeTruthy();
    }
    const body = await response.body();
    if (!documented!.content) {
      expect(body.length, `${what} has no body`).toBe(0);
      return;
    }
    const mediaType = response.headers()["content-type"]?.split(";")[0].trim() ?? "";
    const content = documented!.content[mediaType];
    expect(content, `${what} is documented as ${mediaType}`).toBeDefined();
    const text = body.toString("utf8").replace(/^\uFEFF/, "");
    if (mediaType === "application/json") {
      expect(validator.errors(content.schema, JSON.parse(text)), `${what}: the body against the document`).toEqual([]);
    } else if (mediaType === "text/csv") {
      expect(text.split("\r\n")[0], `${what}: the header row`).toBe(String(content.example).split("\r\n")[0]);
    } else if (mediaType === "application/atom+xml") {
      expect(text).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    } else if (mediaType === "image/svg+xml") {
      expect(text).toContain("<svg");
    } else if (mediaType === "text/html") {
      expect(text.toLowerCase()).toContain("<html");
    } else {
      expect(text.length, `${what} has a body`).toBeGreaterThan(0);
    }
  }

  /** A GET that fits with 200, then 304 with its ETag. */
  async function getAndRevalidate(url: string, template: string, headers: Record<string, string> = {}) {
    const first = await request.get(url, { headers });
    expect(first.status(), url).toBe(200);
    await fits(first, "get", template);
    const again = await request.get(url, { headers: { ...headers, "If-None-Match": first.headers().etag } });
    expect(again.status(), `${url} with If-None-Match`).toBe(304);
    await fits(again, "get", template);
  }

  async function expectStatus(response: APIResponse, status: number, method: string, template: string) {
    expect(response.status(), `${method.toUpperCase()} ${template}`).toBe(status);
    await fits(response, method, template);
  }

  const letter = createLetter();
  fillLetter(letter.id);
  const paused = createLetter({ status: "paused" });
  const onlyOrganisations = createLetter({ allowIndividuals: false });
  const withProof = createLetter();
  sql(`UPDATE "Letter" SET "proofOfWork" = 'on' WHERE "id" = ?`, [withProof.id]);
  const unknown = "no-such-letter";
  const from = (n: number) => ({ "X-Forwarded-For": `198.51.100.${n}` });

  // The letters and their data.
  await getAndRevalidate("/api/letters", "/api/letters");
  await getAndRevalidate("/", "/", { Accept: "application/json" });
  await expectStatus(await request.get("/"), 200, "get", "/");
  for (const [suffix, template] of [
    ["counts", "/api/letters/{slug}/counts"],
    ["history", "/api/letters/{slug}/history"],
    ["history.csv", "/api/letters/{slug}/history.csv"],
    ["badge.svg", "/api/letters/{slug}/badge.svg"],
  ] as const) {
    await getAndRevalidate(`/api/letters/${letter.slug}/${suffix}`, template);
    await expectStatus(await request.get(`/api/letters/${unknown}/${suffix}`), 404, "get", template);
  }
  for (const [suffix, template] of [
    ["signatories.csv", "/letters/{slug}/signatories.csv"],
    ["organizations.atom", "/letters/{slug}/organizations.atom"],
  ] as const) {
    await getAndRevalidate(`/letters/${letter.slug}/${suffix}`, template);
    await expectStatus(await request.get(`/letters/${unknown}/${suffix}`), 404, "get", template);
  }

  // A delivery's photo, as the letter page's timeline links it.
  const photo = "/letters/{slug}/deliveries/{id}/photo/{digest}";
  const delivery = `e2e${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const png = `${E2E_DATABASE_KIND === "postgresql" ? "decode(" : "X"}'${ONE_PIXEL_PNG.toString("hex")}'${E2E_DATABASE_KIND === "postgresql" ? ", 'hex')" : ""}`;
  sql(
    `INSERT INTO "LetterDelivery" ("id", "letterId", "deliveredTo", "deliveredOn", "method", "photo", "photoType", "photoDigest", "createdAt", "updatedAt")
     VALUES (?, ?, 'The City Council', ?, 'post', ${png}, 'image/png', 'e2e-digest', ?, ?)`,
    [delivery, letter.id, timestamp(), timestamp(), timestamp()],
  );
  await expectStatus(await request.get(`/letters/${letter.slug}/deliveries/${delivery}/photo/e2e-digest`), 200, "get", photo);
  await expectStatus(await request.get(`/letters/${letter.slug}/deliveries/${delivery}/photo/another-digest`), 404, "get", photo);
  const signatures = "/api/letters/{slug}/signatures";
  for (const query of ["", "?kind=individual", "?kind=organization"]) await getAndRevalidate(`/api/letters/${letter.slug}/signatures${query}`, signatures);
  const listed = await (await request.get(`/api/letters/${letter.slug}/signatures`)).json();
  expect(listed.items.length).toBe(10); // both kinds, validated above with the rest of the page
  await expectStatus(await request.get(`/api/letters/${unknown}/signatures`), 404, "get", signatures);
  await expectStatus(await request.get(`/api/letters/${letter.slug}/signatures?kind=robots`), 422, "get", signatures);
  await expectStatus(await request.get(`/api/letters/${letter.slug}/signatures?cursor=not-a-cursor`), 422, "get", signatures);

  // Signing, and each of its errors.
  const sign = (slug: string, data: unknown, headers: Record<string, string> = {}) =>
    request.post(`/api/letters/${slug}/signatures`, { data: typeof data === "string" ? data : JSON.stringify(data), headers: { "Content-Type": "application/json", ...headers } });
  const person = (email = uniqueEmail("contract")) => ({ kind: "individual", name: "Con Tract", email, country: "FR", listPublicly: false, consent: true });
  await expectStatus(await sign(letter.slug, person(), from(1)), 202, "post", signatures);
  await expectStatus(await sign(letter.slug, "{ not json", from(2)), 400, "post", signatures);
  await expectStatus(await sign(unknown, person(), from(3)), 404, "post", signatures);
  await expectStatus(await sign(paused.slug, person(), from(4)), 409, "post", signatures);
  await expectStatus(await sign(letter.slug, { ...person(), comment: "x".repeat(20_000) }, from(5)), 413, "post", signatures);
  await expectStatus(await sign(letter.slug, JSON.stringify(person()), { ...from(6), "Content-Type": "text/plain" }), 415, "post", signatures);
  const invalid = await sign(letter.slug, { kind: "individual", email: "not an address", consent: false }, { ...from(7), "Accept-Language": "fr" });
  await expectStatus(invalid, 422, "post", signatures);
  expect(Object.keys((await invalid.json()).error.fields)).toEqual(expect.arrayContaining(["name", "email", "country", "consent"]));
  await expectStatus(await sign(onlyOrganisations.slug, person(), from(8)), 422, "post", signatures);
  const again = uniqueEmail("again");
  let limited: APIResponse | undefined;
  for (let i = 0; i < 10 && !limited; i++) {
    const answer = await sign(letter.slug, person(again), from(9));
    if (answer.status() === 429) limited = answer;
    else expect(answer.status()).toBe(202);
  }
  expect(limited, "signing with one address over and over is limited").toBeDefined();
  await expectStatus(limited!, 429, "post", signatures);
  expect(Number(limited!.headers()["retry-after"])).toBeGreaterThan(0);

  // Stopping a letter's updates by the one-click POST, and the unsubscribe page's button.
  const token = crypto.randomBytes(32).toString("base64url");
  const updateId = `e2e${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
  sql(`INSERT INTO "LetterUpdate" ("id", "letterId", "subject", "body", "status", "createdByEmail", "createdAt", "updatedAt") VALUES (?, ?, 'News', 'News.', 'sent', 'admin@letters.test', ?, ?)`,
    [updateId, letter.id, timestamp(), timestamp()]);
  sql(`INSERT INTO "UpdateRecipient" ("id", "updateId", "tokenHash", "createdAt") VALUES (?, ?, ?, ?)`,
    [`${updateId}r`, updateId, crypto.createHash("sha256").update(token).digest("hex"), timestamp()]);
  const unsubscribe = "/api/unsubscribe/{token}";
  const oneClick = (value: string, form: Record<string, string>) => request.post(`/unsubscribe/${value}`, { form, maxRedirects: 0, headers: from(11) });
  await expectStatus(await oneClick(token, { "List-Unsubscribe": "One-Click" }), 200, "post", unsubscribe);
  await expectStatus(await oneClick(token, { from: "page" }), 303, "post", unsubscribe);
  await expectStatus(await oneClick("x".repeat(43), { "List-Unsubscribe": "One-Click" }), 404, "post", unsubscribe);

  // The proof of work to bring.
  const challenge = "/api/letters/{slug}/challenge";
  await expectStatus(await request.get(`/api/letters/${letter.slug}/challenge`), 200, "get", challenge);
  const solved = await request.get(`/api/letters/${withProof.slug}/challenge`, { headers: from(10) });
  await expectStatus(solved, 200, "get", challenge);
  expect((await solved.json()).challenge).not.toBeNull();
  await expectStatus(await request.get(`/api/letters/${unknown}/challenge`), 404, "get", challenge);

  // The widget and the files it needs, this document, and the liveness check.
  await getAndRevalidate(`/embed/${letter.slug}?theme=dark&size=large&lang=fr`, "/embed/{slug}");
  await expectStatus(await request.get(`/embed/${unknown}`), 404, "get", "/embed/{slug}");
  await getAndRevalidate("/embed.js", "/embed.js");
  await getAndRevalidate("/world-map.svg?v=1", "/world-map.svg");
  await getAndRevalidate("/api/openapi.json", "/api/openapi.json");
  await expectStatus(await request.get("/api/ping"), 200, "get", "/api/ping");

  // CORS preflights, wherever the document has one.
  for (const [template, operations] of Object.entries(document.paths)) {
    if (!operations.options) continue;
    const url = template.replace("{slug}", letter.slug);
    await expectStatus(await request.fetch(url, { method: "OPTIONS", headers: { Origin: "https://campaign.example", "Access-Control-Request-Method": "GET" } }), 204, "options", template);
  }

  // Every documented answer was met, but those no test can bring about.
  const documented = Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) => Object.keys(operation.responses as object).map((status) => `${method} ${template} ${status}`)),
  );
  expect(documented.filter((answer) => !seen.has(answer) && !NOT_PROVOKED.includes(answer)), "documented answers never checked").toEqual([]);
});

interface DocumentedAnswer {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema: JsonSchema; example?: unknown }>;
}
