import { expect, test } from "@playwright/test";
import { APP_URL } from "./config";
import { sql } from "./db";
import { addToCounters, hostPage } from "./embed-fixtures";
import { counts, createLetter, fillSignForm, uniqueEmail, waitForEmails } from "./support";

// Requests a hostile page or client can make, in a real browser and over HTTP: signing
// from another site, share cards and CSV for letters that do not exist or in a loop, and
// text that hides what it says.

const signatureBody = (email: string) =>
  JSON.stringify({ kind: "individual", name: "Cross Site", email, country: "FR", listPublicly: true, consent: true });

test("a page on another site cannot sign in its visitor's name, as JSON, plain text or a form", async ({ page }) => {
  const letter = createLetter();
  const host = await hostPage("<!doctype html><title>Elsewhere</title><p>Another site</p>");
  try {
    await page.goto(host.url);
    const email = uniqueEmail("cross-site");
    const url = `${APP_URL}/api/letters/${letter.slug}/signatures`;
    const outcome = await page.evaluate(
      async ({ url, body }) => {
        const settle = (promise: Promise<Response>) => promise.then((r) => `answered ${r.type}`, (e: Error) => `refused: ${e.name}`);
        return {
          // Needs a preflight, which grants no JSON: the browser never sends it.
          json: await settle(fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body })),
          // Needs no preflight: sent, and refused by the server for its type.
          plain: await settle(fetch(url, { method: "POST", mode: "no-cors", headers: { "Content-Type": "text/plain" }, body })),
          form: await settle(fetch(url, { method: "POST", mode: "no-cors", body: new URLSearchParams(JSON.parse(body)) })),
        };
      },
      { url, body: signatureBody(email) },
    );
    expect(outcome).toEqual({ json: "refused: TypeError", plain: "answered opaque", form: "answered opaque" });
    // Both no-cors requests were answered (fetch settled), and nothing was stored.
    expect(Number(sql<{ n: number | string }>(`SELECT COUNT(*) AS "n" FROM "Signature" WHERE "email" = ?`, [email])[0].n)).toBe(0);
  } finally {
    await host.close();
  }
});

test("the sign API answers 415 to anything but JSON and 413 to a body past 16 KB, in the usual error shape", async ({ request }) => {
  const letter = createLetter();
  const url = `/api/letters/${letter.slug}/signatures`;
  const plain = await request.post(url, { headers: { "Content-Type": "text/plain" }, data: signatureBody(uniqueEmail()) });
  expect(plain.status()).toBe(415);
  expect((await plain.json()).error.code).toBe("unsupported_media_type");
  expect(plain.headers()["access-control-allow-origin"]).toBeUndefined();

  const large = await request.post(url, { headers: { "Content-Type": "application/json" }, data: `{"name":"${"x".repeat(64 * 1024)}"}` });
  expect(large.status()).toBe(413);
  expect((await large.json()).error).toEqual({ code: "body_too_large", message: "The request body is too large: it may be at most 16 KB." });

  const preflight = await request.fetch(url, { method: "OPTIONS", headers: { Origin: "https://elsewhere.example" } });
  expect(preflight.headers()["access-control-allow-headers"]).not.toMatch(/content-type/i);
});

test("share cards: an unknown letter gets 404 before anything is drawn, and a card is drawn per count bucket", async ({ request }) => {
  for (const path of ["/letters/no-such-letter/opengraph-image", "/letters/no-such-letter/twitter-image", "/letters/NOT%20a%20slug/opengraph-image"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect((await response.json()).error.code).toBe("letter_not_found");
  }

  const letter = createLetter({ goal: 1000 });
  const cardAt = async (total: number) => {
    await expect.poll(async () => (await counts(request, letter.slug)).total).toBe(total);
    const image = await request.get(`/letters/${letter.slug}/opengraph-image`);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
    return (await image.body()).toString("base64");
  };
  addToCounters(letter.id, { country: "FR", count: 151 });
  const at151 = await cardAt(151);
  addToCounters(letter.id, { country: "FR", count: 4 });
  // 151 and 155 both show as "150+": one card.
  expect(await cardAt(155)).toBe(at151);
  addToCounters(letter.id, { country: "FR", count: 10 });
  expect(await cardAt(165)).not.toBe(at151);
});

test("the public CSV: 404 for an unknown letter, and one copy for many readers, with an ETag", async ({ request }) => {
  const unknown = await request.get("/letters/no-such-letter/signatories.csv");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe("letter_not_found");

  const letter = createLetter();
  const first = await request.get(`/letters/${letter.slug}/signatories.csv`);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(first.headers()["access-control-allow-origin"]).toBe("*");
  const etag = first.headers().etag;
  expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
  const again = await request.get(`/letters/${letter.slug}/signatories.csv`, { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
});

test("the sign form names a hidden character, and takes a Persian name with its non-joiner", async ({ page, request }) => {
  const letter = createLetter();
  await page.goto(`/letters/${letter.slug}`);
  const email = uniqueEmail("persian");
  await fillSignForm(page, { name: "Ada \u202Eecalevol", email, country: "IR" });
  await page.getByRole("button", { name: "Sign the letter" }).click();
  const name = page.getByLabel("Full name");
  await expect(name).toHaveAccessibleDescription("Name contains an invisible text-direction mark (U+202E), which is not allowed.");

  await name.fill("مهدی رضائی\u200Cنژاد");
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await waitForEmails(request, email);
  expect(sql<{ name: string }>(`SELECT "name" FROM "Signature" WHERE "email" = ?`, [email])).toEqual([{ name: "مهدی رضائی\u200Cنژاد" }]);
});
