import { expect, test, type Page } from "@playwright/test";
import { expectNoViolations } from "./a11y-support";
import { sql } from "./db";
import { addTranslation, confirmLink, createLetter, expireLinksOf, lastMarkDrawnAfterItsLetter, signViaApi, uniqueEmail, waitForEmails, waitOutFillTime } from "./support";

// The pages a signer reaches from a link, and the errors people see, in the reader's
// language (issue 13): negotiated from Accept-Language (a browser's locale) or ?lang=.

/** Fills the sign form by its fields' names, whatever language its labels are in. */
async function fillByName(page: Page, { name, email, country }: { name: string; email: string; country: string }) {
  await page.locator('input[name="name"]').fill(name);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('select[name="country"]').selectOption(country);
  await page.locator('input[name="listPublicly"]').check();
  await page.locator('input[name="consent"]').check();
  await waitOutFillTime(page);
}

const withdrawLink = (text: string) => text.match(/https?:\/\/[^\s)]+\/withdraw\/[A-Za-z0-9_-]{43}/)?.[0];

test("a German reader signs, is told to check their email, and confirms on a page in German", async ({ browser, request }) => {
  const letter = createLetter();
  const german = addTranslation(letter, "de");
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  const email = uniqueEmail("deutsch");

  await page.goto(`/letters/${letter.slug}`);
  await fillByName(page, { name: "Lena Weber", email, country: "DE" });
  await page.getByRole("button", { name: "Brief unterschreiben" }).click();
  await expect(page).toHaveURL(new RegExp(`/letters/${letter.slug}/check-email$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sehen Sie in Ihr E-Mail-Postfach");
  await expect(page.getByTestId("signed-email")).toHaveText(email);
  await expect(page.getByText("Meine Unterschrift bestätigen")).toBeVisible();
  await expect(page.getByText(german.title)).toBeVisible();
  await expectNoViolations(page, "check-email in German");

  const [mail] = await waitForEmails(request, email);
  await page.goto(confirmLink(mail));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bestätigen Sie Ihre Unterschrift");
  await expect(page.getByTestId("submission")).toContainText("Deutschland");
  await expect(page.getByTestId("submission")).toContainText("In der öffentlichen Liste");
  await expectNoViolations(page, "verify in German");
  await page.getByRole("button", { name: "Meine Unterschrift bestätigen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Danke für Ihre Unterschrift");
  await expect(page.getByTestId("thank-you")).toContainText(german.title);
  await expectNoViolations(page, "verify, confirmed, in German");
  await context.close();
});

test("?lang= keeps a reader in the language they chose from the sign form to the check-email page", async ({ page }) => {
  const letter = createLetter();
  await page.goto(`/letters/${letter.slug}?lang=de`);
  await fillByName(page, { name: "Jonas Weber", email: uniqueEmail("lang"), country: "AT" });
  await page.getByRole("button", { name: "Brief unterschreiben" }).click();
  await expect(page).toHaveURL(new RegExp(`/letters/${letter.slug}/check-email\\?lang=de$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sehen Sie in Ihr E-Mail-Postfach");
});

test("a Spanish reader withdraws, and a link that is not theirs or not valid says so in Spanish", async ({ browser, request }) => {
  const letter = createLetter();
  const email = uniqueEmail("espanol");
  expect((await signViaApi(request, letter.slug, { kind: "individual", name: "Lucía Gómez", email, country: "ES", listPublicly: true, consent: true })).status()).toBe(202);
  const [mail] = await waitForEmails(request, email);
  const link = withdrawLink(mail.text);
  expect(link).toBeTruthy();

  const context = await browser.newContext({ locale: "es-ES" });
  const page = await context.newPage();
  await page.goto(`${link}?reason=not-me`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("¿No fuiste tú?");
  await expect(page.getByRole("button", { name: "Eliminarla" })).toBeVisible();
  await expectNoViolations(page, "withdraw (not me) in Spanish");

  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Retirar tu firma");
  await expect(page.getByTestId("removed")).toContainText("España");
  await expectNoViolations(page, "withdraw in Spanish");
  await page.getByRole("button", { name: "Retirar mi firma" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tu firma está retirada");
  await expect(page.getByTestId("withdrawn")).toContainText("Ya no cuenta");
  await expectNoViolations(page, "withdrawn in Spanish");

  const unknown = await page.goto(`/withdraw/${"x".repeat(43)}`);
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Este enlace no es válido");
  await context.close();
});

test("an Arabic reader asks for their data and reads it right to left, dates as Intl writes them in Arabic", async ({ browser, request }) => {
  const letter = createLetter();
  const arabic = addTranslation(letter, "ar");
  const email = uniqueEmail("arabic");
  expect((await signViaApi(request, letter.slug, { kind: "individual", name: "Layla Haddad", email, country: "EG", listPublicly: true, consent: true })).status()).toBe(202);
  await waitForEmails(request, email);

  const context = await browser.newContext({ locale: "ar-EG" });
  const page = await context.newPage();
  await page.goto("/my-data");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("اطّلع على بياناتك أو نزّلها أو امحُها");
  await expectNoViolations(page, "my-data in Arabic");
  await page.getByLabel("عنوان بريدك الإلكتروني").fill("not an address");
  await page.getByRole("button", { name: "أرسل لي الرابط" }).click();
  await expect(page.getByText("أدخل عنوان بريد إلكتروني صالحًا")).toBeVisible();
  await page.getByLabel("عنوان بريدك الإلكتروني").fill(email);
  await page.getByRole("button", { name: "أرسل لي الرابط" }).click();
  await expect(page.getByTestId("sent")).toContainText("إن كان هذا العنوان قد وقّع على شيء");
  await expectNoViolations(page, "my-data's answer in Arabic");

  const [mail] = await waitForEmails(request, email, { subject: /data|بيانات/i });
  const link = mail.text.match(/https?:\/\/[^\s)]+\/my-data\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("بياناتك");
  const list = page.getByTestId("signatures");
  await expect(list).toContainText(arabic.title);
  await expect(list).toContainText("مصر");
  await expect(list).toContainText("غير مؤكَّد، فلا يُحتسب");
  // the date the signature was made, as Intl writes it in Arabic (signed just now, in UTC)
  const [{ createdAt }] = sql<{ createdAt: string }>(`SELECT "createdAt" FROM "Signature" WHERE "email" = ?`, [email]);
  const day = new Intl.DateTimeFormat("ar", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(createdAt));
  for (const part of day.split(/\s+/)) await expect(list).toContainText(part);
  await expectNoViolations(page, "my-data's list in Arabic");

  await page.getByRole("link", { name: "امحُ كل شيء…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("هل تمحو كل شيء؟");
  await expectNoViolations(page, "erase step in Arabic");
  await context.close();
});

test("an expired confirmation link is a 410 page in French", async ({ browser, request }) => {
  const letter = createLetter();
  const email = uniqueEmail("expire");
  expect((await signViaApi(request, letter.slug, { kind: "individual", name: "Claire Martin", email, country: "FR", listPublicly: true, consent: true })).status()).toBe(202);
  const [mail] = await waitForEmails(request, email);
  expireLinksOf(email);

  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  const response = await page.goto(confirmLink(mail));
  expect(response?.status()).toBe(410);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ce lien a expiré");
  await expect(page.getByText("Les liens de confirmation sont valables 7 jours")).toBeVisible();
  await expectNoViolations(page, "expired link in French");
  await context.close();
});

test("a letter closed while a French reader fills the form refuses in French; the JSON API answers in French when asked", async ({ browser, request }) => {
  const letter = createLetter();
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(`/letters/${letter.slug}`);
  await fillByName(page, { name: "Paul Bernard", email: uniqueEmail("ferme"), country: "FR" });
  sql(`UPDATE "Letter" SET "status" = 'closed' WHERE "id" = ?`, [letter.id]);
  await page.getByRole("button", { name: "Signer la lettre" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Cette lettre est close et ne recueille plus de signatures." })).toBeVisible();
  await expectNoViolations(page, "closed-letter error in French");
  await context.close();

  const body = { kind: "individual", name: "Paul Bernard", email: uniqueEmail("api"), country: "FR", listPublicly: true, consent: true };
  const french = await request.post(`/api/letters/${letter.slug}/signatures`, { data: body, headers: { "Accept-Language": "fr-FR" } });
  expect(french.status()).toBe(409);
  expect(await french.json()).toEqual({ error: { code: "letter_not_open", message: "Cette lettre est close et ne recueille plus de signatures." } });
  const english = await request.post(`/api/letters/${letter.slug}/signatures`, { data: body });
  expect((await english.json()).error.message).toBe("This letter is closed and no longer takes signatures.");
});

test("an English title in an Arabic sentence keeps its punctuation at its own end", async ({ browser, request }) => {
  const letter = createLetter();
  const title = `${letter.title}!`;
  sql(`UPDATE "Letter" SET "title" = ? WHERE "id" = ?`, [title, letter.id]);
  const email = uniqueEmail("bidi");
  const signed = await request.post(`/api/letters/${letter.slug}/signatures`, {
    headers: { "Accept-Language": "ar" },
    data: { kind: "individual", name: "Omar Said", email, country: "JO", listPublicly: true, consent: true },
  });
  expect(signed.status()).toBe(202);
  const [mail] = await waitForEmails(request, email);
  const context = await browser.newContext({ locale: "ar" });
  const page = await context.newPage();
  await page.goto(confirmLink(mail));
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  // (Without a direction of its own the "!" would be drawn on the Arabic sentence's side of the title.)
  expect(await lastMarkDrawnAfterItsLetter(page.locator("strong", { hasText: title }))).toBe(true);
  await context.close();
});

test("a reader whose browser asks for none of our languages goes on in a French letter's French, from its page to those under it", async ({ browser }) => {
  const letter = createLetter();
  sql(`UPDATE "Letter" SET "language" = 'fr' WHERE "id" = ?`, [letter.id]);
  const context = await browser.newContext({ locale: "ja-JP" });
  const page = await context.newPage();
  for (const path of [`/letters/${letter.slug}`, `/letters/${letter.slug}/signatories?kind=individual`, `/letters/${letter.slug}/embed`]) {
    await page.goto(path);
    await expect(page.locator("html"), path).toHaveAttribute("lang", "fr");
  }
  await context.close();
});
