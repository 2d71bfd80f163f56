import { expect, test } from "@playwright/test";
import { expectNoViolations, renderedEmails } from "./a11y-support";
import { addToCounters } from "./embed-fixtures";
import { sql } from "./db";
import { addTranslation, createLetter, lastMarkDrawnAfterItsLetter, uniqueEmail, waitForEmails, waitOutFillTime } from "./support";

// Issue 13's localised product beyond the pages: a signer's emails in the language they
// signed in, the widget and the badge in their reader's language, Arabic right to left.

test("signing in Spanish brings a Spanish email whose link opens the confirmation page in Spanish", async ({ page, request }) => {
  const letter = createLetter();
  const spanish = addTranslation(letter, "es");
  const email = uniqueEmail("es");
  await page.goto(`/letters/${letter.slug}?lang=es`);
  await page.getByLabel("Nombre completo").fill("Ana Prueba");
  await page.getByLabel("Correo electrónico", { exact: true }).fill(email);
  await page.getByLabel("País", { exact: true }).selectOption("MX");
  await page.getByLabel(/Mostrar públicamente mi nombre/).check();
  await page.getByLabel(/Acepto que se guarden/).check();
  await waitOutFillTime(page);
  await page.getByRole("button", { name: "Firmar la carta" }).click();
  await expect(page).toHaveURL(new RegExp(`/letters/${letter.slug}/check-email`));

  const [mail] = await waitForEmails(request, email);
  expect(mail.subject).toBe(`Confirma tu firma: ${spanish.title}`);
  expect(mail.html).toMatch(/<html[^>]* lang="es"/);
  expect(mail.text).toContain("Hola, Ana Prueba:");
  expect(mail.text).not.toContain("Confirm your signature");
  const link = mail.text.match(/https?:\/\/\S+\/verify\/[A-Za-z0-9_-]{43}\?lang=es/)?.[0];
  expect(link, mail.text).toBeTruthy();

  await page.goto(link!);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByText(spanish.title).or(page.getByText(letter.title)).first()).toBeVisible();
});

test("a signing by the JSON API writes its emails in the language its Accept-Language asks for, never one a client names in the internal header", async ({ request }) => {
  const letter = createLetter();
  const french = addTranslation(letter, "fr");
  const email = uniqueEmail("api-fr");
  const answer = await request.post(`/api/letters/${letter.slug}/signatures`, {
    data: { kind: "individual", name: "Client Prueba", email, country: "FR", listPublicly: false, consent: true },
    headers: { "Accept-Language": "fr-CA, en;q=0.5", "x-open-letters-language": "ar" },
  });
  expect(answer.status()).toBe(202);
  const [mail] = await waitForEmails(request, email);
  expect(mail.html).toMatch(/<html[^>]* lang="fr"/);
  expect(mail.subject).toContain(french.title);
});

test("the widget with lang=ar runs right to left in Arabic, and without lang speaks its reader's language", async ({ page, browser, request }) => {
  const letter = createLetter({ goal: 100 });
  addToCounters(letter.id, { country: "EG", count: 1234 });
  await page.goto(`/embed/${letter.slug}?lang=ar&size=large`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByText("رسالة مفتوحة")).toBeVisible();
  await expect(page.getByRole("link", { name: "وقّع الرسالة" })).toHaveAttribute("href", `/letters/${letter.slug}?lang=ar`);
  // Digits as the pages write Arabic numbers (Intl with "ar"), and Arabic's plural for
  // 1234 ("many", as for 11 to 99 after the hundreds), not English's one-or-other.
  await expect(page.getByTestId("widget-total")).toHaveText(new Intl.NumberFormat("ar").format(1234));
  await expect(page.locator("[data-unit]")).toHaveText("توقيعًا");
  await expect(page.locator("[data-countries] li")).toHaveText([new RegExp(`مصر\\s*${new Intl.NumberFormat("ar").format(1234)}`)]);

  // No lang: the reader's Accept-Language, and caches are told the answer depends on it.
  const german = await request.get(`/embed/${letter.slug}`, { headers: { "Accept-Language": "de-CH, en;q=0.3" } });
  expect(german.headers()["vary"]).toMatch(/Accept-Language/i);
  const html = await german.text();
  expect(html).toMatch(/<html lang="de" dir="ltr"/);
  expect(html).toContain("Brief unterschreiben");
  expect(html).toContain("1.234");
  const english = await request.get(`/embed/${letter.slug}`, { headers: { "Accept-Language": "ja" } });
  expect(await english.text()).toContain("Sign the letter");
  expect(english.headers()["etag"]).not.toBe(german.headers()["etag"]);

  // A language the widget spoke before the product did is kept.
  expect(await (await request.get(`/embed/${letter.slug}?lang=nl`)).text()).toContain("Onderteken de brief");

  const reader = await browser.newPage({ locale: "fr-FR" });
  await reader.goto(`/embed/${letter.slug}`);
  await expect(reader.getByRole("link", { name: "Signer la lettre" })).toBeVisible();
  await reader.close();
});

test("the badge says it in German with ?lang=de, and follows Accept-Language otherwise, one ETag per language", async ({ request }) => {
  const letter = createLetter();
  addToCounters(letter.id, { country: "DE", count: 1234 });
  const german = await request.get(`/api/letters/${letter.slug}/badge.svg?lang=de`);
  expect(german.status()).toBe(200);
  const svg = await german.text();
  expect(svg).toContain('aria-label="Unterschriften: 1.234"');
  expect(german.headers()["cache-control"]).toBeTruthy();

  const byHeader = await request.get(`/api/letters/${letter.slug}/badge.svg`, { headers: { "Accept-Language": "de" } });
  expect(await byHeader.text()).toBe(svg);
  expect(byHeader.headers()["vary"]).toMatch(/Accept-Language/i);
  expect(byHeader.headers()["etag"]).toBe(german.headers()["etag"]);

  const english = await request.get(`/api/letters/${letter.slug}/badge.svg`, { headers: { "Accept-Language": "en", "If-None-Match": german.headers()["etag"] } });
  expect(english.status()).toBe(200);
  expect(await english.text()).toContain('aria-label="signatures: 1,234"');
  const again = await request.get(`/api/letters/${letter.slug}/badge.svg?lang=de`, { headers: { "If-None-Match": german.headers()["etag"] } });
  expect(again.status()).toBe(304);

  const arabic = await (await request.get(`/api/letters/${letter.slug}/badge.svg?lang=ar`)).text();
  expect(arabic).toContain('lang="ar"');
  expect(arabic).toContain('direction="rtl"');
  expect(arabic).toContain("التوقيعات");
});

test("axe finds nothing on the widget in Arabic and German", async ({ page }) => {
  const letter = createLetter({ goal: 5000 });
  addToCounters(letter.id, { country: "EG", count: 1234 });
  addToCounters(letter.id, { country: "DE", count: 56 });
  for (const lang of ["ar", "de"]) {
    for (const size of ["small", "medium", "large"]) {
      await page.goto(`/embed/${letter.slug}?lang=${lang}&size=${size}`);
      await expectNoViolations(page, `the ${size} widget in ${lang}`);
    }
  }
});

test("axe finds nothing in each email's HTML in Arabic and French", async ({ page }) => {
  const emails = renderedEmails();
  const names = Object.keys(emails).filter((name) => / \((ar|fr)\)$/.test(name));
  // Six per language (e2e/render-emails.ts: already signed, confirm, confirm as an
  // organisation, data link, organisation awaiting review, update); admins' stay English.
  expect(names.length).toBe(12);
  for (const name of names) {
    await page.setContent(emails[name]);
    await expect(page.locator("html")).toHaveAttribute("dir", name.endsWith("(ar)") ? "rtl" : "ltr");
    await expectNoViolations(page, `the ${name} email`);
  }
});

test("the Arabic widget draws an English title's punctuation at the title's own end", async ({ page }) => {
  const letter = createLetter();
  const title = `${letter.title}!`;
  sql(`UPDATE "Letter" SET "title" = ? WHERE "id" = ?`, [title, letter.id]);
  await page.goto(`/embed/${letter.slug}?lang=ar`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  expect(await lastMarkDrawnAfterItsLetter(page.getByRole("link", { name: title }))).toBe(true);
});
