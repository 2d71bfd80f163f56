import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { addStaff, signInAs } from "./admin-support";
import { LANGUAGE_CODES } from "../lib/i18n/languages";
import { expectNoViolations, FILLED_TOTAL, fillLetter, letterId, renderedEmails } from "./a11y-support";
import { confirmLink, createLetter, signViaApi, uniqueEmail, waitForEmails, type TestLetter } from "./support";
import ar from "../messages/ar.json" with { type: "json" };
import de from "../messages/de.json" with { type: "json" };
import en from "../messages/en.json" with { type: "json" };
import es from "../messages/es.json" with { type: "json" };
import fr from "../messages/fr.json" with { type: "json" };

const MESSAGES = { en, fr, de, es, ar };
const messagesOf = (lang: keyof typeof MESSAGES) => MESSAGES[lang];

// axe-core with the WCAG 2.2 A and AA rules finds nothing on any page a person can reach:
// public pages with their lists, map and chart filled, the sign form showing its errors,
// the token pages in each of their states, every admin page, the widget and every email.
// Each is checked at a phone's width and a desktop's.

const SHIPPED = ["strong-encryption-open-letter", "iti-statement-on-encryption"];

/** A letter page shows its data once the counts (read at most every 2 s) have caught up. */
async function gotoFilled(page: Page, path: string) {
  await expect
    .poll(async () => {
      await page.goto(path);
      return Number((await page.getByTestId("total-count").textContent())?.replace(/\D/g, ""));
    }, { timeout: 10_000 })
    .toBeGreaterThanOrEqual(FILLED_TOTAL);
}

async function signedAndMailed(request: APIRequestContext, slug: string) {
  const email = uniqueEmail("a11y");
  const answer = await signViaApi(request, slug, { kind: "individual", name: "Ally Reader", email, country: "IE", listPublicly: true, consent: true });
  expect(answer.status()).toBe(202);
  const [mail] = await waitForEmails(request, email, { subject: /Confirm your signature/ });
  const withdraw = mail.text.match(/https?:\/\/[^\s)]+\/withdraw\/[A-Za-z0-9_-]{43}/)?.[0];
  if (!withdraw) throw new Error(`no withdraw link in: ${mail.text}`);
  return { email, confirm: confirmLink(mail), withdraw };
}

test.describe("public pages", () => {
  // Each worker fills its own letter, and adds to the shipped ones (so counts only grow).
  let letter: TestLetter;
  test.beforeAll(() => {
    for (const slug of SHIPPED) fillLetter(letterId(slug));
    letter = createLetter();
    fillLetter(letter.id);
  });

  test("the home page and both shipped letter pages, with signatories, map and chart", async ({ page }) => {
    await page.goto("/", { waitUntil: "load" });
    await expectNoViolations(page, "/");
    for (const slug of SHIPPED) {
      await gotoFilled(page, `/letters/${slug}`);
      await expect(page.getByTestId("world-map")).toBeVisible();
      await expectNoViolations(page, `/letters/${slug}`);
    }
  });

  test("a letter's signatories, embed builder, check-email page and widget", async ({ page }) => {
    await gotoFilled(page, `/letters/${letter.slug}`);
    await expectNoViolations(page, "a filled letter page");
    for (const path of [
      `/letters/${letter.slug}/signatories?kind=individual`,
      `/letters/${letter.slug}/signatories?kind=organization`,
      `/letters/${letter.slug}/embed`,
      `/letters/${letter.slug}/check-email`,
      `/embed/${letter.slug}`,
    ]) {
      await page.goto(path);
      await expectNoViolations(page, path);
    }
  });

  test("the sign form showing its errors, for a person and for an organisation", async ({ page }) => {
    await page.goto(`/letters/${letter.slug}`);
    await page.getByRole("button", { name: "Sign the letter" }).click();
    await expect(page.locator("#sign-summary")).toBeFocused();
    await expectNoViolations(page, "the sign form with errors");
    await page.getByLabel("For an organisation").check();
    await page.getByRole("button", { name: "Sign the letter" }).click();
    await expect(page.getByLabel("Organisation name")).toHaveAttribute("aria-invalid", "true");
    await expectNoViolations(page, "the organisation sign form with errors");
  });

  // In each language, Arabic (right to left) included: the shipped letter, translated into
  // all but Arabic, and its sign form showing its errors.
  for (const lang of LANGUAGE_CODES) {
    test(`the letter page and the sign form with its errors, in ${lang}`, async ({ page }) => {
      await gotoFilled(page, `/letters/${SHIPPED[0]}?lang=${lang}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expectNoViolations(page, `/letters/${SHIPPED[0]}?lang=${lang}`);
      await page.locator("#sign").getByRole("button").last().click();
      await expect(page.locator("#sign-summary")).toBeFocused();
      await expect(page.locator("#sign-name-error")).toBeVisible();
      await expectNoViolations(page, `the sign form with errors in ${lang}`);
    });
  }

  // Every other public page in each language but English (checked above, with its
  // words): the words differ in length and Arabic runs right to left, so each is its own page to axe.
  for (const lang of LANGUAGE_CODES.filter((code) => code !== "en")) {
    test(`every other public page in ${lang}`, async ({ page, request }) => {
      test.setTimeout(180_000);
      const words = messagesOf(lang);
      const inLang = (path: string) => `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;
      const check = async (path: string, status = 200) => {
        expect((await page.goto(inLang(path)))?.status(), path).toBe(status);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expectNoViolations(page, `${path} in ${lang}`);
      };
      await check("/");
      await check(`/letters/${letter.slug}/signatories?kind=individual`);
      await check(`/letters/${letter.slug}/signatories?kind=organization`);
      await check(`/letters/${letter.slug}/embed`);
      await check(`/letters/${letter.slug}/check-email`);
      await check(`/letters/no-such-letter-${lang}`, 404);
      await check(`/embed/${letter.slug}`);

      const { email, confirm, withdraw } = await signedAndMailed(request, letter.slug);
      await check(confirm);
      await page.getByRole("button", { name: words.verify.confirmButton }).click();
      await expect(page.getByRole("heading", { name: words.verify.thankYouTitle })).toBeVisible();
      await expectNoViolations(page, `/verify after confirming, in ${lang}`);
      await check("/verify/not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 404);
      await check(`${withdraw}?reason=not-me`);
      await check(withdraw);
      await page.getByRole("button", { name: words.withdraw.withdrawButton }).click();
      await expect(page.getByRole("heading", { name: words.withdraw.withdrawnTitle })).toBeVisible();
      await expectNoViolations(page, `/withdraw after withdrawing, in ${lang}`);

      const { email: second } = await signedAndMailed(request, letter.slug);
      await check("/my-data");
      await page.getByLabel(words.myData.emailLabel).fill("not an address");
      await page.getByRole("button", { name: words.myData.sendLink }).click();
      await expect(page.getByLabel(words.myData.emailLabel)).toHaveAttribute("aria-invalid", "true");
      await expectNoViolations(page, `/my-data with an error, in ${lang}`);
      await page.getByLabel(words.myData.emailLabel).fill(second);
      await page.getByRole("button", { name: words.myData.sendLink }).click();
      await expect(page.getByTestId("sent")).toBeVisible();
      await expectNoViolations(page, `/my-data once sent, in ${lang}`);
      // the confirmation, then the data link
      const mails = await waitForEmails(request, second, { count: 2 });
      const dataLink = mails.map((mail) => mail.text.match(/https?:\/\/[^\s)?]+\/my-data\/[A-Za-z0-9_-]{43}/)?.[0]).find(Boolean);
      await check(dataLink!);
      await page.getByRole("link", { name: words.myData.eraseEverything }).click();
      await expect(page.getByRole("heading", { name: words.myData.eraseTitle })).toBeVisible();
      await expectNoViolations(page, `the erase confirmation in ${lang}`);
      expect(email).not.toBe(second);
    });
  }

  test("confirming and withdrawing, in each state, and an unknown link", async ({ page, request }) => {
    const { confirm, withdraw } = await signedAndMailed(request, letter.slug);
    await page.goto(confirm);
    await expectNoViolations(page, "/verify before confirming");
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
    await expectNoViolations(page, "/verify after confirming");

    expect((await page.goto("/verify/not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"))?.status()).toBe(404);
    await expectNoViolations(page, "an unknown /verify link");

    await page.goto(`${withdraw}?reason=not-me`);
    await expectNoViolations(page, "/withdraw?reason=not-me");
    await page.goto(withdraw);
    await expectNoViolations(page, "/withdraw");
    await page.getByRole("button", { name: "Withdraw my signature" }).click();
    await expect(page.getByRole("heading", { name: "Your signature is withdrawn" })).toBeVisible();
    await expectNoViolations(page, "/withdraw after withdrawing");
  });

  test("my data: the request form with an error, the data page and its erase confirmation", async ({ page, request }) => {
    const { email } = await signedAndMailed(request, letter.slug);
    await page.goto("/my-data");
    await page.getByLabel("Your email address").fill("not an address");
    await page.getByRole("button", { name: "Send me the link" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expectNoViolations(page, "/my-data with an error");
    await page.getByLabel("Your email address").fill(email);
    await page.getByRole("button", { name: "Send me the link" }).click();
    await expect(page.getByTestId("sent")).toBeVisible();
    await expectNoViolations(page, "/my-data once sent");
    const [mail] = await waitForEmails(request, email, { subject: /Your data/ });
    await page.goto(mail.text.match(/https?:\/\/[^\s)]+\/my-data\/[A-Za-z0-9_-]{43}/)![0]);
    await expectNoViolations(page, "/my-data/{token}");
    await page.getByRole("link", { name: "Erase everything…" }).click();
    await expect(page.getByRole("heading", { name: "Erase everything?" })).toBeVisible();
    await expectNoViolations(page, "the erase confirmation");
  });
});

test("every admin page", async ({ page, request }) => {
  test.setTimeout(120_000);
  const letter = createLetter();
  fillLetter(letter.id);
  await page.goto("/admin/sign-in");
  await expectNoViolations(page, "/admin/sign-in");
  await page.goto("/admin/sign-in?error=invalid_email");
  await expectNoViolations(page, "/admin/sign-in with an error");
  // Someone on the People page, so its per-person buttons are checked whatever ran before.
  addStaff("moderator", "a11y-listed");
  await signInAs(page, request, addStaff("admin"));
  for (const path of [
    "/admin/queue",
    "/admin/letters",
    "/admin/letters/new",
    `/admin/letters/${letter.slug}/edit`,
    `/admin/letters/${letter.slug}/preview`,
    `/admin/letters/${letter.slug}/signatures`,
    `/admin/letters/${letter.slug}/export-options`,
    `/admin/letters/${letter.slug}/translations`,
    `/admin/letters/${letter.slug}/translations/es`,
    `/admin/letters/${letter.slug}/translations/ar`,
    "/admin/people",
    "/admin/audit",
    "/admin/mail",
    "/admin/blocks",
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expectNoViolations(page, path);
  }
  await page.goto("/admin/letters/new");
  await page.getByRole("button", { name: "Create letter" }).click();
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await expectNoViolations(page, "the new letter form with errors");
  await page.goto(`/admin/letters/${letter.slug}/translations/ar`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByLabel("Title in Arabic")).toHaveAttribute("aria-invalid", "true");
  await expectNoViolations(page, "the Arabic translation form with errors");
});

test("every email's HTML, in every language", async ({ page }) => {
  test.setTimeout(180_000);
  const emails = renderedEmails();
  expect(Object.keys(emails).length).toBeGreaterThanOrEqual(6);
  // each signer's email in each language but English (whose names carry no suffix)
  for (const lang of LANGUAGE_CODES.filter((code) => code !== "en")) {
    expect(Object.keys(emails).filter((name) => name.endsWith(` (${lang})`)).length, lang).toBeGreaterThanOrEqual(5);
  }
  for (const [name, html] of Object.entries(emails)) {
    await page.setContent(html);
    await expectNoViolations(page, `the ${name} email`);
  }
});

test.describe("beyond axe", () => {
  let letter: TestLetter;
  test.beforeAll(() => {
    letter = createLetter();
    fillLetter(letter.id);
  });

  test("a focused link, button, field and map country show a clear outline", async ({ page }) => {
    await gotoFilled(page, `/letters/${letter.slug}`);
    const outline = (selector: string) =>
      page.locator(selector).first().evaluate((el) => {
        const style = getComputedStyle(el);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), stroke: style.stroke };
      });
    // Tab from the top: the first stop is a link, shown with an outline.
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => document.activeElement?.tagName);
    expect(first).toBe("A");
    const focusedLink = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(focusedLink.style).not.toBe("none");
    expect(focusedLink.width).toBeGreaterThanOrEqual(2);
    for (const target of [page.getByRole("button", { name: "Sign the letter" }), page.getByLabel("Full name"), page.getByRole("link", { name: "Embed the live counter" })]) {
      await target.focus();
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      await expect(target).toBeFocused();
      const style = await target.evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, width: parseFloat(getComputedStyle(el).outlineWidth) }));
      expect(style.style).not.toBe("none");
      expect(style.width).toBeGreaterThanOrEqual(2);
    }
    // A country on the map is outlined by its stroke (an SVG shape has no outline box).
    const country = page.locator("[data-testid=world-map] use[data-country]").first();
    await country.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(country).toBeFocused();
    expect((await outline("[data-testid=world-map] use[data-country]:focus")).stroke).not.toBe("rgb(255, 255, 255)");
  });

  test("the sign form's errors are announced, named on their fields, and focus moves to them", async ({ page }) => {
    await page.goto(`/letters/${letter.slug}`);
    await page.getByLabel("Full name").fill("Ann Nounced");
    await page.getByRole("button", { name: "Sign the letter" }).click();
    const summary = page.locator("#sign-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toHaveAttribute("role", "alert");
    await expect(summary).toContainText(/email/i);
    const email = page.getByLabel("Email", { exact: true });
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(/email/i);
    // Each message in the summary leads to its field.
    await summary.getByRole("link", { name: /email/i }).press("Enter");
    await expect(email).toBeFocused();
  });

  test("the map and the chart have their numbers as text, the same as the counts JSON", async ({ page, request }) => {
    await gotoFilled(page, `/letters/${letter.slug}`);
    const json = await (await request.get(`/api/letters/${letter.slug}/counts`)).json();
    const rows = await page.getByTestId("country-table").locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("th, td")].map((cell) => cell.textContent!.trim())),
    );
    expect(rows).toEqual(
      json.countries.map((c: { name: string; individuals: number; organizations: number; total: number }) => [
        c.name, c.individuals.toLocaleString("en-GB"), c.organizations.toLocaleString("en-GB"), c.total.toLocaleString("en-GB"),
      ]),
    );
    // The map names the same country and count on each shaded shape.
    const top = json.countries[0];
    await expect(page.locator(`[data-testid=world-map] use[data-country=${top.country}]`)).toHaveAccessibleName(`${top.name}: ${top.total.toLocaleString("en-GB")} signatures`);

    await page.getByText("The numbers by day").click();
    const table = page.getByTestId("history-table");
    await expect(table).toBeVisible();
    const days = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent!.trim())));
    expect(days).toHaveLength(5);
    expect(days.at(-1)![2]).toBe(json.total.toLocaleString("en-GB"));
    const added = days.reduce((sum, day) => sum + Number(day[1].replace(/\D/g, "")), 0);
    expect(added).toBe(json.total);
  });
});
