import { expect, test } from "@playwright/test";
import { createLetter } from "./support";

// The product in the reader's language (issue 13): negotiated by the proxy from ?lang=,
// then Accept-Language, then the letter's original (lib/i18n/negotiate-language.ts).

const htmlTag = (html: string) => /<html[^>]*>/.exec(html)?.[0] ?? "";

test("a page is in the language the browser asks for, Arabic running right to left", async ({ request }) => {
  const arabic = await (await request.get("/my-data", { headers: { "Accept-Language": "ar-EG, en;q=0.5" } })).text();
  expect(htmlTag(arabic)).toContain('lang="ar"');
  expect(htmlTag(arabic)).toContain('dir="rtl"');
  expect(arabic).toContain("انتقل إلى المحتوى");

  const english = await (await request.get("/my-data", { headers: { "Accept-Language": "ja" } })).text();
  expect(htmlTag(english)).toContain('lang="en"');
  expect(htmlTag(english)).toContain('dir="ltr"');
});

test("a client cannot choose the language by sending the proxy's own header", async ({ request }) => {
  const html = await (await request.get("/my-data", { headers: { "x-open-letters-language": "de", "Accept-Language": "fr" } })).text();
  expect(htmlTag(html)).toContain('lang="fr"');
});

test("the letter page comes from memory in each language, ?lang= before Accept-Language", async ({ request }) => {
  const letter = createLetter();
  for (const [query, acceptLanguage, expected] of [
    ["?lang=fr", "de", "fr"],
    ["", "de-DE, en;q=0.4", "de"],
    ["", "ja", "en"],
    ["?lang=ar", "", "ar"],
  ] as const) {
    const response = await request.get(`/letters/${letter.slug}${query}`, { headers: { "Accept-Language": acceptLanguage } });
    expect(response.status()).toBe(200);
    expect(htmlTag(await response.text())).toContain(`lang="${expected}"`);
    // answered by the proxy's memory (Next's own answers carry no ETag), and kept apart by language
    expect(response.headers()["etag"]).toMatch(/^"[\w-]+"$/);
    expect(response.headers()["cache-control"]).toMatch(/s-maxage=1\b/);
    expect(response.headers()["vary"]).toMatch(/Accept-Language/i);
  }
});
