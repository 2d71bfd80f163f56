import { expect, test } from "@playwright/test";
import type { JsonSchema, OpenApiDocument } from "../lib/api/openapi-document";
import { openApiValidator } from "../lib/api/openapi-validator";
import { startScratchPostgresql, type ScratchPostgresql } from "../tests/support/scratch-postgresql";
import { startAppServer } from "./app-server";
import { uniqueEmail, waitOutFillTime } from "./support";

// PostgreSQL stops while a signer is on the sign form: the form says to try again and
// keeps everything typed; when the server is back, the same app (no restart) takes the
// signature. The app runs on a PostgreSQL server of this spec's own, which it stops.

const PORT = Number(process.env.E2E_DOWN_PORT ?? 3160);
const base = `http://127.0.0.1:${PORT}`;
const slug = "strong-encryption-open-letter";
let server: ScratchPostgresql;
let app: Awaited<ReturnType<typeof startAppServer>> | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startScratchPostgresql();
  app = await startAppServer({
    port: PORT,
    databaseUrl: server.url,
    env: { AUTH_SECRET: "down-secret-down-secret-down-secret-0123", RESEND_API_KEY: "", SIGN_RATE_LIMIT_PER_MINUTE: "1000" },
  });
});

test.afterAll(() => {
  app?.stop();
  server?.remove();
});

test("the sign form keeps what was typed and says to try again; the app recovers by itself", async ({ page, request }) => {
  const email = uniqueEmail("patient");
  await page.goto(`${base}/letters/${slug}`);
  await page.getByLabel("Full name").fill("Patient Synthetic Signer");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Country", { exact: true }).selectOption("NO");
  await page.getByLabel("Title or role").fill("Test engineer");
  await page.getByLabel(/List my name publicly/).check();
  await page.getByLabel(/I agree that my name/).check();
  await waitOutFillTime(page);

  server.stop();
  await page.getByRole("button", { name: "Sign the letter" }).click();
  const alert = page.locator("#sign-summary");
  await expect(alert).toContainText("try again");
  await expect(page).toHaveURL(`${base}/letters/${slug}`);
  await expect(page.getByLabel("Full name")).toHaveValue("Patient Synthetic Signer");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("NO");
  await expect(page.getByLabel("Title or role")).toHaveValue("Test engineer");
  await expect(page.getByLabel(/I agree that my name/)).toBeChecked();

  // The JSON API says the same, with Retry-After.
  const api = await request.post(`${base}/api/letters/${slug}/signatures`, {
    data: { kind: "individual", name: "Api Synthetic Signer", email: uniqueEmail("api"), country: "NO", listPublicly: false, consent: true },
  });
  expect(api.status()).toBe(503);
  expect(Number(api.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await api.json()).error).toMatchObject({ code: "database_unavailable", message: expect.stringMatching(/try again/) });

  server.start();
  // The same process, no restart: pressing the button again signs.
  await expect(async () => {
    await page.getByRole("button", { name: "Sign the letter" }).click();
    await expect(page).toHaveURL(`${base}/letters/${slug}/check-email`, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("signed-email")).toHaveText(email);
});

// The API's answers while the database is down. Pages (GET / as HTML, the widget) are
// left out: an error page is not an API answer.
test("every public GET answers as the API document says while the database is down", async ({ request }) => {
  test.setTimeout(120_000);
  const document: OpenApiDocument = await (await request.get(`${base}/api/openapi.json`)).json();
  const validator = openApiValidator(document);
  server.stop();
  try {
    const undocumented: string[] = [];
    for (const [template, operations] of Object.entries(document.paths)) {
      if (!operations.get || template === "/embed/{slug}") continue;
      const url = template.replace("{slug}", slug).replace("{id}", "e2e-no-such-delivery").replace("{digest}", "e2e-digest");
      const response = await request.get(`${base}${url}`, { headers: { Accept: template === "/" ? "application/json" : "*/*" } });
      const documented = (operations.get.responses as Record<string, { content?: Record<string, { schema: JsonSchema }> }>)[String(response.status())];
      const what = `GET ${template} ${response.status()}`;
      if (!documented) {
        undocumented.push(what);
        continue;
      }
      const mediaType = response.headers()["content-type"]?.split(";")[0].trim() ?? "";
      if (mediaType === "application/json") {
        const errors = validator.errors(documented.content?.[mediaType]?.schema ?? {}, await response.json());
        if (errors.length > 0) undocumented.push(`${what}: ${errors.join("; ")}`);
      }
    }
    expect(undocumented, "answers the document does not describe").toEqual([]);
  } finally {
    server.start();
  }
});
