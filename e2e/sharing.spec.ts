import { expect, test } from "@playwright/test";
import { addToCounters } from "./embed-fixtures";
import { confirmLink, createLetter, uniqueEmail, waitForEmails } from "./support";

const SHARE_TARGETS = [
  ["Email", /^mailto:/],
  ["X", /^https:\/\/x\.com\//],
  ["Bluesky", /^https:\/\/bsky\.app\//],
  ["Mastodon", /mastodon/],
  ["LinkedIn", /^https:\/\/www\.linkedin\.com\//],
  ["WhatsApp", /^https:\/\/wa\.me\//],
] as const;

test("the letter page shows the map, top countries, split, history, milestones, share links and the Embed page", async ({ page }) => {
  const letter = createLetter({ goal: 50 });
  addToCounters(letter.id, { country: "FR", count: 30, day: "2026-02-01" });
  addToCounters(letter.id, { country: "IN", count: 12, day: "2026-02-02" });
  addToCounters(letter.id, { country: "KE", kind: "organization", count: 3, day: "2026-02-02" });
  await page.goto(`/letters/${letter.slug}`);

  const map = page.getByTestId("world-map");
  await expect(map.locator("use[data-country]")).not.toHaveCount(0);
  // Keyboard focus shows the country and its count; so does the pointer.
  await map.locator('use[data-country="FR"]').focus();
  await expect(page.getByTestId("map-tooltip")).toHaveText("France: 30 signatures");
  await map.locator('use[data-country="IN"]').hover();
  await expect(page.getByTestId("map-tooltip")).toHaveText("India: 12 signatures");
  // Countries without signatures stay in the grey background: nothing to focus.
  await expect(map.locator('use[data-country="CN"]')).toHaveCount(0);
  // The outlines come from one cacheable sprite.
  const sprite = await page.request.get((await map.locator('use[data-country="IN"]').getAttribute("href"))!.split("#")[0]);
  expect(sprite.headers()["content-type"]).toContain("image/svg+xml");
  expect(sprite.headers()["cache-control"]).toContain("immutable");
  expect(await sprite.text()).toContain('id="IN"');

  await expect(page.getByTestId("top-countries").getByRole("listitem")).toHaveText([/France\s*30/, /India\s*12/, /Kenya\s*3/]);
  await expect(page.getByRole("region", { name: "Who has signed" })).toContainText("42");
  await expect(page.getByTestId("country-table").getByRole("row", { name: /France/ })).toContainText("30");

  await expect(page.getByTestId("history-chart").getByRole("img")).toHaveAttribute("aria-label", /30 on 1 Feb 2026/);
  const milestones = page.getByTestId("milestones");
  await expect(milestones).toContainText("Next: 50 (the goal), 5 signatures to go.");
  await expect(milestones.getByRole("listitem").first()).toContainText("25 signatures · 1 Feb 2026");

  const share = page.getByTestId("share");
  for (const [name, href] of SHARE_TARGETS) {
    const link = share.getByRole("link", { name, exact: true });
    await expect(link).toHaveAttribute("href", href);
    expect(decodeURIComponent((await link.getAttribute("href"))!)).toContain(`/letters/${letter.slug}`);
  }
  await expect(share.getByRole("button", { name: "Copy link" })).toBeVisible();

  await share.getByRole("link", { name: "Embed the live counter" }).click();
  await expect(page.getByRole("heading", { name: "Embed the live counter" })).toBeVisible();
  const snippet = page.getByTestId("embed-snippet");
  await expect(snippet).toContainText(`data-letter="${letter.slug}"`);
  await page.getByLabel("Theme").selectOption("dark");
  await page.getByLabel("Transparent background").check();
  await expect(snippet).toContainText('data-theme="dark"');
  await expect(snippet).toContainText('data-transparent="1"');
  const preview = page.getByTestId("embed-preview");
  await expect(preview).toHaveAttribute("src", /theme=dark/);
  // No language chosen: the widget speaks each visitor's; Arabic can be chosen like any other.
  await expect(snippet).not.toContainText("data-lang");
  await expect(preview).not.toHaveAttribute("src", /lang=/);
  await page.getByLabel("Language").selectOption("ar");
  await expect(snippet).toContainText('data-lang="ar"');
  await expect(preview).toHaveAttribute("src", /lang=ar/);
  await expect(page.frameLocator("[data-testid=embed-preview]").getByTestId("widget-total")).toHaveText("45");
});

test("the thank-you page offers the share links", async ({ page, request }) => {
  const letter = createLetter();
  const email = uniqueEmail("sharer");
  await request.post(`/api/letters/${letter.slug}/signatures`, {
    data: { kind: "individual", name: "Sha Rer", email, country: "PT", listPublicly: false, consent: true },
  });
  await page.goto(confirmLink((await waitForEmails(request, email))[0]));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
  for (const [name, href] of SHARE_TARGETS) {
    await expect(page.getByRole("link", { name, exact: true })).toHaveAttribute("href", href);
  }
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
});

test("Open Graph and X cards point to a generated PNG with the count", async ({ page, request }) => {
  const letter = createLetter();
  addToCounters(letter.id, { country: "DE", count: 7 });
  await page.goto(`/letters/${letter.slug}`);
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  const twitterImage = await page.locator('meta[name="twitter:image"]').getAttribute("content");
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", letter.title);
  for (const url of [ogImage, twitterImage]) {
    expect(url).toMatch(new RegExp(`/letters/${letter.slug}/(opengraph|twitter)-image`));
    const image = await request.get(url!);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
    const bytes = await image.body();
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.readUInt32BE(16)).toBe(1200);
    expect(bytes.readUInt32BE(20)).toBe(630);
  }
});
