import { expect, test } from "@playwright/test";
import { signAndConfirm } from "./embed-fixtures";
import { createLetter } from "./support";

// The letter page is answered from memory by the proxy (lib/http/page-cache.ts). Those
// answers carry an ETag and say they may be shared; Next's own answers carry none
// (generateEtags: false) and are private (the page is rendered per request, in the
// reader's language), which tells the two apart here.

test("the letter page comes from memory, with its ETag, its headers and a 304 for a reader who has it", async ({ request }) => {
  const letter = createLetter();
  const first = await request.get(`/letters/${letter.slug}`);
  expect(first.status()).toBe(200);
  expect(await first.text()).toContain(letter.title);
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^"[\w-]+"$/);
  expect(first.headers()["x-nextjs-cache"]).toBeUndefined();
  expect(first.headers()["content-type"]).toBe("text/html; charset=utf-8");
  expect(first.headers()["cache-control"]).toMatch(/s-maxage=1\b/);
  expect(first.headers()["x-frame-options"]).toBe("DENY");
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["access-control-allow-origin"]).toBeUndefined();

  const again = await request.get(`/letters/${letter.slug}`, { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);

  const head = await request.head(`/letters/${letter.slug}`);
  expect(head.status()).toBe(200);
  expect(head.headers()["etag"]).toBe(etag);
  expect(await head.body()).toHaveLength(0);

  // Compressed for a browser by Next, as every other answer.
  const gzip = await request.get(`/letters/${letter.slug}`, { headers: { "Accept-Encoding": "gzip" } });
  expect(gzip.headers()["content-encoding"]).toBe("gzip");
  expect(await gzip.text()).toContain(letter.title);
});

test("a shared link's tracking query gets the same copy from memory; what may differ goes on to Next", async ({ request }) => {
  const letter = createLetter();
  // Readers of a viral letter arrive with ?fbclid= or ?utm_source=: the page reads no query but ?lang=.
  const plain = await request.get(`/letters/${letter.slug}`, { headers: { "Accept-Language": "en" } });
  const tracked = await request.get(`/letters/${letter.slug}?utm_source=newsletter&fbclid=IwAR0abc`, { headers: { "Accept-Language": "en" } });
  expect(tracked.status()).toBe(200);
  expect(tracked.headers()["etag"]).toBe(plain.headers()["etag"]);
  expect(tracked.headers()["cache-control"]).toMatch(/s-maxage=1\b/);

  // The router's own request is rendered by Next, for this reader only.
  const router = await request.get(`/letters/${letter.slug}`, { headers: { rsc: "1" } });
  expect(router.status()).toBe(200);
  expect(router.headers()["etag"]).toBeUndefined();
  expect(router.headers()["cache-control"]).toMatch(/\bprivate\b|no-store|no-cache/);

  const unknown = await request.get("/letters/no-such-letter-here");
  expect(unknown.status()).toBe(404);

  const draft = createLetter({ status: "draft" });
  expect((await request.get(`/letters/${draft.slug}`)).status()).toBe(404);
});

test("a new confirmation shows on the page within seconds", async ({ context, request }) => {
  const letter = createLetter();
  const total = async () => {
    const html = await (await request.get(`/letters/${letter.slug}`)).text();
    return /data-testid="total-count"[^>]*>([\d,]+)</.exec(html)?.[1];
  };
  expect(await total()).toBe("0");
  await signAndConfirm(context, request, letter.slug, "FR");
  await expect.poll(total, { timeout: 10_000, intervals: [250] }).toBe("1");
});

test("moving between pages in the browser still uses the router's payload, not the cached HTML", async ({ page }) => {
  const letter = createLetter();
  await page.goto("/");
  // A mark in the window survives only a navigation made by the router, without a reload.
  await page.evaluate(() => Object.assign(window, { keptAlive: true }));
  await page.getByRole("link", { name: letter.title }).first().click();
  await expect(page).toHaveURL(new RegExp(`/letters/${letter.slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: letter.title })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { keptAlive?: boolean }).keptAlive)).toBe(true);
});
