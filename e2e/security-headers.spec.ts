import path from "node:path";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { startAppServer } from "./app-server";
import { ADMIN_EMAIL, signInAs } from "./admin-support";
import { APP_PORT, APP_URL, E2E_DATA_DIR } from "./config";
import { addToCounters, hostPage } from "./embed-fixtures";
import { confirmLink, createLetter, fillSignForm, uniqueEmail, waitForEmails } from "./support";

// Issue 11, item 9: a Content-Security-Policy on every page (the widget keeps its own,
// which any site may frame), HSTS when APP_URL is https, Vary: Accept on GET /, which
// answers HTML and JSON, and a favicon.

const cspOf = (response: APIResponse) =>
  response.headersArray().filter((header) => header.name.toLowerCase() === "content-security-policy").map((header) => header.value);

test("every page sends the site's policy and may not be framed, a page from the cache too; the widget keeps its own", async ({ request }) => {
  const letter = createLetter();
  const paths = [
    "/",
    `/letters/${letter.slug}`,
    `/letters/${letter.slug}`, // the second answer comes from the page cache (proxy.ts)
    `/letters/${letter.slug}/signatories`,
    `/letters/${letter.slug}/embed`,
    "/admin/sign-in",
    "/verify/no-such-token",
    "/no-such-page",
  ];
  for (const url of paths) {
    const response = await request.get(url, { headers: { Accept: "text/html" } });
    const [csp, ...more] = cspOf(response);
    expect(more, url).toEqual([]);
    expect(csp, url).toContain("default-src 'self'");
    expect(csp, url).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp, url).toContain("object-src 'none'");
    expect(csp, url).toContain("base-uri 'none'");
    expect(csp, url).toContain("form-action 'self'");
    expect(csp, url).toContain("frame-ancestors 'none'");
    expect(csp, url).not.toContain("unsafe-eval");
    expect(response.headers()["x-frame-options"], url).toBe("DENY");
  }
  expect((await request.get(`/letters/${letter.slug}`)).headers()["etag"]).toBeDefined(); // from memory

  const widget = await request.get(`/embed/${letter.slug}`);
  expect(cspOf(widget)).toHaveLength(1);
  expect(cspOf(widget)[0]).toContain("frame-ancestors *");
  expect(widget.headers()["x-frame-options"]).toBeUndefined();
});

test("no page breaks its policy in Chromium: React hydrates, the map, the sign form, the framed widget and the admin pages", async ({ page, request }) => {
  test.setTimeout(120_000);
  const refused = await watchForViolations(page);
  const letter = createLetter();
  addToCounters(letter.id, { country: "FR", count: 3 });
  addToCounters(letter.id, { country: "BR", count: 1 });

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Open letters" })).toBeVisible();

  await page.goto(`/letters/${letter.slug}`);
  // Checked in the browser as it is left, only once React has hydrated the form.
  await page.getByLabel("Full name").focus();
  await page.getByLabel("Full name").blur();
  await expect(page.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
  const map = page.getByTestId("world-map");
  await map.locator("use[tabindex]").first().focus();
  await expect(map.getByText(/^(France|Brazil): \d+ signatures?$/)).toBeVisible();
  const email = uniqueEmail("policy");
  await fillSignForm(page, { name: "Policy Synthetic Signer", email, country: "FR" });
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page).toHaveURL(/check-email/);
  await page.goto(confirmLink((await waitForEmails(request, email))[0]));
  await expect(page.getByRole("button", { name: "Confirm my signature" })).toBeVisible();

  await page.goto(`/letters/${letter.slug}/signatories`);
  await page.goto(`/letters/${letter.slug}/embed`);
  await expect(page.frameLocator('[data-testid="embed-preview"]').getByText(letter.title)).toBeVisible();

  const host = await hostPage(`<!doctype html><title>Campaign</title><script src="${APP_URL}/embed.js" data-letter="${letter.slug}" async></script>`);
  try {
    await page.goto(host.url);
    await expect(page.frameLocator(`iframe[data-open-letters="${letter.slug}"]`).getByTestId("widget-total")).toHaveText("4");
  } finally {
    await host.close();
  }

  await signInAs(page, request, ADMIN_EMAIL);
  for (const url of ["/admin/queue", "/admin/letters", "/admin/letters/new", `/admin/letters/${letter.slug}/edit`,
    `/admin/letters/${letter.slug}/signatures`, `/admin/letters/${letter.slug}/preview`, "/admin/people", "/admin/audit"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await page.waitForLoadState("networkidle");
  }
  expect(refused).toEqual([]);
});

test("GET / as JSON tells caches that it depends on Accept, and its HTML is never kept in place of it", async ({ request }) => {
  const json = await request.get("/", { headers: { Accept: "application/json" } });
  expect(json.headers()["content-type"]).toContain("application/json");
  expect(json.headers()["cache-control"]).toMatch(/s-maxage/); // kept by shared caches...
  expect(json.headers()["vary"]).toMatch(/\bAccept\b(?!-)/i); // ...for clients that ask as it did
  const html = await request.get("/", { headers: { Accept: "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8" } });
  expect(html.headers()["content-type"]).toContain("text/html");
  // Next writes a page's Vary itself; this one is not stored anywhere, so a cache holds only the JSON.
  expect(html.headers()["cache-control"]).toMatch(/\bno-store\b/);
});

test("the browser finds a favicon: no page logs a missing file", async ({ page, request }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });
  const letter = createLetter();
  for (const url of ["/", `/letters/${letter.slug}`]) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
  }
  expect(missing).toEqual([]);
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\//);
  await expect(page.locator('head link[rel="icon"]').first()).toHaveAttribute("href", /\/(icon\.svg|favicon\.ico)/);
});

test.describe("Strict-Transport-Security", () => {
  // A second server on the same build, with an https APP_URL, on a database of its own.
  const PORT = Number(process.env.E2E_HTTPS_APP_PORT ?? APP_PORT + 1);
  const base = `http://127.0.0.1:${PORT}`;
  let app: Awaited<ReturnType<typeof startAppServer>> | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    app = await startAppServer({
      port: PORT,
      databaseUrl: `file:${path.join(E2E_DATA_DIR, `https-${PORT}.db`)}`,
      env: { APP_URL: "https://letters.test", AUTH_SECRET: "https-secret-https-secret-https-secret-01", RESEND_API_KEY: "" },
    });
  });

  test.afterAll(() => {
    app?.stop();
  });

  test("is sent on every page when APP_URL is https, a page from the cache too, and never when it is http", async ({ request }) => {
    const slug = "strong-encryption-open-letter";
    for (const url of ["/", `/letters/${slug}`, `/letters/${slug}`, `/letters/${slug}/signatories`, "/admin/sign-in", "/admin", "/no-such-page"]) {
      const response = await request.get(`${base}${url}`, { maxRedirects: 0 });
      expect(response.headers()["strict-transport-security"], url).toMatch(/^max-age=\d{8,}/);
    }
    expect((await request.get(`${base}/letters/${slug}`)).headers()["etag"]).toBeDefined(); // from memory

    for (const url of ["/", `/letters/${slug}`, "/admin/sign-in"]) {
      expect((await request.get(url)).headers()["strict-transport-security"], url).toBeUndefined();
    }
  });
});

/** Collects what Chromium refuses under a Content-Security-Policy, in the page and its frames, and any script error. */
async function watchForViolations(page: Page): Promise<string[]> {
  const refused: string[] = [];
  // Chromium logs a refusal in the console; the event is the page's own word for it, in every frame.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy: ${event.violatedDirective} refused ${event.blockedURI || "inline"} in ${location.href}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => refused.push(`${page.url()}: ${error.message}`));
  return refused;
}
