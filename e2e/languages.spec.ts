import { expect, test } from "@playwright/test";
import { signAndConfirm } from "./embed-fixtures";
import { sql } from "./db";
import { addTranslation, createLetter } from "./support";

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

test("?lang= and Accept-Language give the letter in that language, with its alternates and Open Graph locale", async ({ browser, page }) => {
  const letter = createLetter();
  const french = addTranslation(letter, "fr");
  const german = addTranslation(letter, "de");
  addTranslation(letter, "es", "draft");

  await page.goto(`/letters/${letter.slug}?lang=fr`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(french.title);
  await expect(page.getByText(french.body)).toBeVisible();
  await expect(page.getByText("Lettre ouverte", { exact: false })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${french.title.replace(/[[\]]/g, "\\$&")}`));
  await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute("content", "fr_FR");
  const alternateLocales = await page.locator('meta[property="og:locale:alternate"]').evaluateAll((metas) => metas.map((m) => m.getAttribute("content")));
  expect(alternateLocales.sort()).toEqual(["de_DE", "en_GB"]);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", french.title);
  const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
    links.map((l) => `${l.getAttribute("hreflang")} ${new URL(l.getAttribute("href")!).pathname}${new URL(l.getAttribute("href")!).search}`),
  );
  // the draft Spanish translation is no alternate
  expect(alternates.sort()).toEqual(
    [`de /letters/${letter.slug}?lang=de`, `en /letters/${letter.slug}?lang=en`, `fr /letters/${letter.slug}?lang=fr`, `x-default /letters/${letter.slug}`].sort(),
  );

  // a browser set to Austrian German sends Accept-Language: de-AT
  const austrian = await browser.newPage({ locale: "de-AT" });
  await austrian.goto(`/letters/${letter.slug}`);
  await expect(austrian.locator("html")).toHaveAttribute("lang", "de");
  await expect(austrian.getByRole("heading", { level: 1 })).toHaveText(german.title);
  await expect(austrian.getByText("Offener Brief", { exact: false })).toBeVisible();
  await austrian.close();
});

test("a language without a translation shows the original and says so; Arabic runs right to left", async ({ page }) => {
  const letter = createLetter();
  await page.goto(`/letters/${letter.slug}?lang=ar`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(letter.title);
  await expect(page.getByTestId("untranslated")).toContainText("لم تُترجم هذه الرسالة إلى العربية");
  // the English text inside the Arabic page keeps its own language and direction
  await expect(page.locator('[lang="en"][dir="ltr"]').filter({ has: page.getByRole("heading", { level: 1 }) })).toHaveCount(1);
});

test("the language switcher works with the keyboard and names each language in itself", async ({ page }) => {
  const letter = createLetter();
  const spanish = addTranslation(letter, "es");
  await page.goto(`/letters/${letter.slug}?lang=en`);
  const switcher = page.getByTestId("language-switcher");
  await expect(switcher.getByRole("link", { name: "English" })).toHaveAttribute("aria-current", "page");
  const link = switcher.getByRole("link", { name: "Español" });
  await expect(link).toHaveAttribute("hreflang", "es");
  await expect(link).toHaveAttribute("lang", "es");
  for (let i = 0; i < 20 && !(await link.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/letters/${letter.slug}\\?lang=es$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(spanish.title);
});

test("a letter written in French is read in French by a browser that asks for no language we have", async ({ request }) => {
  const letter = createLetter();
  sql(`UPDATE "Letter" SET "language" = 'fr' WHERE "id" = ?`, [letter.id]);
  const html = await (await request.get(`/letters/${letter.slug}`, { headers: { "Accept-Language": "ja" } })).text();
  expect(htmlTag(html)).toContain('lang="fr"');
});

test("a signature made in French counts once on the English page", async ({ context, request }) => {
  const letter = createLetter();
  addTranslation(letter, "fr");
  const total = async (lang: string) => {
    const html = await (await request.get(`/letters/${letter.slug}?lang=${lang}`)).text();
    return /data-testid="total-count"[^>]*>([\d,\u202f\u00a0.]+)</.exec(html)?.[1];
  };
  expect(await total("en")).toBe("0");
  await signAndConfirm(context, request, letter.slug, "FR", "fr");
  await expect.poll(() => total("en"), { timeout: 10_000, intervals: [250] }).toBe("1");
  await expect.poll(() => total("fr"), { timeout: 10_000, intervals: [250] }).toBe("1");
});

test("the sign form's errors come in Spanish, in the browser and from the server", async ({ page, request }) => {
  const letter = createLetter();
  await page.goto(`/letters/${letter.slug}?lang=es`);
  const form = page.locator("#sign");
  await expect(form.getByRole("heading", { name: "Añade tu firma" })).toBeVisible();
  // country names in Spanish
  await expect(form.getByLabel("País").locator('option[value="DE"]')).toHaveText("Alemania");
  await form.getByRole("button", { name: "Firmar la carta" }).click();
  await expect(page.locator("#sign-summary")).toContainText("Hay que corregir algunos campos antes de firmar.");
  await expect(page.locator("#sign-name-error")).toHaveText("Nombre: este campo es obligatorio.");
  await expect(page.locator("#sign-consent-error")).toHaveText("Marca la casilla para dar tu conformidad antes de firmar.");

  // The JSON API answers in Spanish when asked, and in English otherwise.
  const body = { kind: "individual", name: "", email: "ana@example.org", country: "ES", listPublicly: false, consent: true };
  const spanish = await request.post(`/api/letters/${letter.slug}/signatures`, { headers: { "Accept-Language": "es-MX" }, data: body });
  expect(spanish.status()).toBe(422);
  expect((await spanish.json()).error.fields.name).toEqual(["Nombre: este campo es obligatorio."]);
  const english = await request.post(`/api/letters/${letter.slug}/signatures`, { data: body });
  expect((await english.json()).error.fields.name).toEqual(["Name is required."]);
});

test("the server action answers in the page's language (a reader without JavaScript posts the form itself)", async ({ browser }) => {
  const letter = createLetter();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/letters/${letter.slug}?lang=fr`);
  const form = page.locator("#sign");
  await form.getByLabel("Nom complet").fill("Zoé www.example.com");
  await form.getByRole("button", { name: "Signer la lettre" }).click();
  await expect(page.locator("#sign-summary")).toContainText("Quelques champs sont à corriger avant de pouvoir signer.");
  await expect(page.locator("#sign-name-error")).toHaveText("Nom ne peut pas contenir d’adresse web.");
  await expect(page.locator("#sign-consent-error")).toHaveText("Cochez la case pour donner votre accord avant de signer.");
  await context.close();
});
