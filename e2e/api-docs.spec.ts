import { expect, test } from "@playwright/test";
import type { OpenApiDocument } from "../lib/api/openapi-document";
import { expectNoViolations, PHONE } from "./a11y-support";

// /docs/api is the API document read out for people: every operation and webhook of
// /api/openapi.json has its section, with examples, and axe finds nothing at a phone's
// width or a desktop's. It is in English whatever the reader's language.

test("the API page shows every operation and webhook of the document, with curl and JavaScript examples", async ({ page, request }) => {
  const document: OpenApiDocument = await (await request.get("/api/openapi.json")).json();
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "API documentation" })).toBeVisible();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of Object.keys(operations)) {
      await expect(page.getByRole("heading", { level: 3, name: `${method.toUpperCase()} ${path}`, exact: true }), `${method} ${path}`).toHaveCount(1);
    }
  }
  for (const event of Object.keys(document.webhooks)) await expect(page.getByRole("heading", { level: 3, name: event, exact: true })).toHaveCount(1);
  const sign = page.locator("section", { has: page.getByRole("heading", { level: 3, name: "POST /api/letters/{slug}/signatures", exact: true }) });
  await expect(sign.getByText('-H "Content-Type: application/json"')).toBeVisible();
  await expect(sign.getByText("ErrorInvalidJson")).toHaveCount(0); // codes, not component names
  await expect(sign.getByText("letter_not_open")).toBeVisible();
  await expect(page.getByText('import { Webhook } from "standardwebhooks";')).toBeVisible();
});

test("the API page passes axe, is English for a French reader, and fits a phone's width", async ({ page }) => {
  test.setTimeout(180_000); // axe reads every field list and code box of a long page, at two widths
  await page.setExtraHTTPHeaders({ "Accept-Language": "fr" });
  await page.goto("/docs/api");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectNoViolations(page, "/docs/api");
  await page.setViewportSize(PHONE);
  // Long paths and code scroll inside their own boxes; the page itself never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
});

test("the footer links the API page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "API" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
});
