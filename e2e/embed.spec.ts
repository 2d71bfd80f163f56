import { expect, test } from "@playwright/test";
import { APP_URL } from "./config";
import { addToCounters, hostPage, signAndConfirm } from "./embed-fixtures";
import { createLetter } from "./support";

const snippet = (slug: string, attrs = "") => `<script src="${APP_URL}/embed.js" data-letter="${slug}"${attrs} async></script>`;

test("a page on another origin frames the widget, which follows a new confirmation without reloading", async ({ page, context, request }) => {
  const letter = createLetter({ goal: 10 });
  await signAndConfirm(context, request, letter.slug, "FR");
  const host = await hostPage(`<!doctype html><title>Campaign site</title><h1>Our campaign</h1>${snippet(letter.slug)}`);
  try {
    await page.goto(host.url);
    const widget = page.frameLocator(`iframe[data-open-letters="${letter.slug}"]`);
    await expect(widget.getByTestId("widget-total")).toHaveText("1");
    await expect(widget.getByRole("link", { name: letter.title })).toBeVisible();
    await expect(widget.locator("[data-countries] li")).toHaveText([/France\s*1/]);
    await expect(widget.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1");

    // A mark in the frame's window survives only if the frame is never reloaded.
    const frame = page.frames().find((f) => f.url().includes(`/embed/${letter.slug}`))!;
    await frame.evaluate(() => Object.assign(window, { keptAlive: true }));

    const email = await signAndConfirm(context, request, letter.slug, "DE");
    await expect(widget.getByTestId("widget-total")).toHaveText("2", { timeout: 20_000 });
    await expect(widget.locator("[data-countries] li")).toHaveCount(2);
    await expect(widget.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "2");
    expect(await frame.evaluate(() => (window as unknown as { keptAlive?: boolean }).keptAlive)).toBe(true);
    expect(await frame.content()).not.toContain(email);
    expect(await frame.content()).not.toMatch(/[\w.+-]+@[\w-]+\.\w+/);
  } finally {
    await host.close();
  }
});

test("embed.js inserts the frame after its script, passes the options and fits the frame to the widget", async ({ page }) => {
  const letter = createLetter();
  addToCounters(letter.id, { country: "JP", count: 4 });
  addToCounters(letter.id, { country: "KE", count: 2 });
  const host = await hostPage(
    `<!doctype html><p id="before">Before</p>${snippet(letter.slug, ' data-theme="dark" data-size="large" data-lang="de"')}<p id="after">After</p>`,
  );
  try {
    await page.goto(host.url);
    const iframe = page.locator("iframe[data-open-letters]");
    await expect(iframe).toHaveCount(1);
    const src = new URL((await iframe.getAttribute("src"))!);
    expect(src.origin).toBe(APP_URL);
    expect(src.pathname).toBe(`/embed/${letter.slug}`);
    expect(Object.fromEntries(src.searchParams)).toEqual({ theme: "dark", size: "large", lang: "de" });
    // The frame sits right after its script, before the rest of the page.
    expect(await page.evaluate(() => document.querySelector("script[data-letter]")!.nextElementSibling!.tagName)).toBe("IFRAME");

    const widget = page.frameLocator("iframe[data-open-letters]");
    await expect(widget.getByTestId("widget-total")).toHaveText("6");
    await expect(widget.getByRole("link", { name: "Brief unterschreiben" })).toBeVisible();
    await expect(widget.locator("html")).toHaveClass(/dark/);
    // Fitted: the frame is exactly as tall as the widget inside it.
    const inner = await widget.locator("[data-widget]").evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    await expect.poll(async () => (await iframe.boundingBox())?.height).toBe(inner);
    expect(inner).toBeGreaterThan(100);
  } finally {
    await host.close();
  }
});

test("the widget may be framed anywhere, sets no cookie, and its feeds are open to every origin", async ({ request }) => {
  const letter = createLetter();
  const embed = await request.get(`/embed/${letter.slug}?theme=dark&transparent=1`);
  expect(embed.status()).toBe(200);
  const headers = embed.headers();
  expect(headers["content-type"]).toContain("text/html");
  expect(headers["content-security-policy"]).toContain("frame-ancestors *");
  expect(headers["x-frame-options"]).toBeUndefined();
  expect(headers["set-cookie"]).toBeUndefined();
  expect(headers["cache-control"]).toMatch(/s-maxage=\d+/);
  expect(await embed.text()).toContain('class="dark medium transparent"');

  const script = await request.get("/embed.js");
  expect(script.status()).toBe(200);
  expect(script.headers()["content-type"]).toContain("javascript");
  expect(script.headers()["cache-control"]).toMatch(/max-age=\d{3,}/);
  expect(script.headers()["set-cookie"]).toBeUndefined();

  const counts = await request.get(`/api/letters/${letter.slug}/counts`, { headers: { Origin: "https://campaign.example" } });
  expect(counts.headers()["access-control-allow-origin"]).toBe("*");
  for (const directive of ["s-maxage=", "stale-while-revalidate=", "stale-if-error="]) {
    expect(counts.headers()["cache-control"]).toContain(directive);
  }
  expect(counts.headers()["set-cookie"]).toBeUndefined();

  // Everything else stays unframeable.
  expect((await request.get(`/letters/${letter.slug}`)).headers()["x-frame-options"]).toBe("DENY");
  expect((await request.get("/embed/no-such-letter")).status()).toBe(404);
});

test("the badge is an SVG image with the count", async ({ page, request }) => {
  const letter = createLetter();
  addToCounters(letter.id, { country: "BR", count: 1200 });
  addToCounters(letter.id, { country: "BR", kind: "organization", count: 34 });
  const response = await request.get(`/api/letters/${letter.slug}/badge.svg`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const svg = await response.text();
  await page.goto("/api/ping");
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: doc.documentElement.nodeName,
      count: doc.querySelector("[data-count]")?.textContent,
      label: doc.documentElement.getAttribute("aria-label"),
    };
  }, svg);
  expect(parsed).toEqual({ error: null, root: "svg", count: "1,234", label: "signatures: 1,234" });
  expect((await request.get("/api/letters/no-such-letter/badge.svg")).status()).toBe(404);
});

test("the history answers daily running totals", async ({ request }) => {
  const letter = createLetter();
  addToCounters(letter.id, { country: "FR", count: 3, day: "2026-01-01" });
  addToCounters(letter.id, { country: "FR", kind: "organization", count: 1, day: "2026-01-03" });
  const response = await request.get(`/api/letters/${letter.slug}/history`);
  expect(response.status()).toBe(200);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const { slug, days } = await response.json();
  expect(slug).toBe(letter.slug);
  expect(days.slice(0, 3)).toEqual([
    { day: "2026-01-01", total: 3, individuals: 3, organizations: 0, added: 3 },
    { day: "2026-01-02", total: 3, individuals: 3, organizations: 0, added: 0 },
    { day: "2026-01-03", total: 4, individuals: 3, organizations: 1, added: 1 },
  ]);
  expect(days.at(-1)).toMatchObject({ day: new Date().toISOString().slice(0, 10), total: 4 });
});
