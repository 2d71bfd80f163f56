import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { confirmLink, counts, createLetter, uniqueEmail, waitForEmails, waitOutFillTime } from "./support";
import ar from "../messages/ar.json" with { type: "json" };
import en from "../messages/en.json" with { type: "json" };

// Signing, confirming and withdrawing with the keyboard alone (Tab, Shift+Tab, Enter,
// Space, arrows in a select: never a click), at a phone's width and at 200% zoom.
//
// 200% zoom is a 640x360 CSS viewport with deviceScaleFactor 2: what a 1280x720 laptop
// shows when its reader zooms to 200% (CSS pixels halve, each drawn with four device
// pixels). Chromium's own zoom is not reachable from Playwright; this is the same layout.

const ZOOM_200 = { viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 };

// In English, and in Arabic, where the page runs right to left; each reader looks for
// Norway by its name in their language.
const READERS = [
  { lang: "en", words: en, norway: "Norway" },
  { lang: "ar", words: ar, norway: "النرويج" },
] as const;
type Reader = (typeof READERS)[number];
const startOf = (text: string) => new RegExp(`^${text.slice(0, 12).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

/** Presses Tab (or Shift+Tab) until the element is focused; fails if it is never reached. */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 200 } = {}) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) {
      await expectOnScreen(page);
      return;
    }
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`never reached ${target} in ${limit} presses`);
}

/** The focused control is in view after the browser scrolled to it, and nothing is cut off sideways. */
async function expectOnScreen(page: Page) {
  const { inView, scrollWidth, width } = await page.evaluate(() => {
    const r = document.activeElement!.getBoundingClientRect();
    return {
      inView: r.bottom > 0 && r.top < window.innerHeight && r.left >= 0 && r.right <= window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      width: window.innerWidth,
    };
  });
  expect(inView, "the focused control is scrolled into view and not cut off").toBe(true);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

/** Moves a focused select to `value` with Home/End and the arrow keys alone. */
async function chooseByArrows(select: Locator, value: string) {
  const [index, count] = await select.evaluate((el: HTMLSelectElement, wanted) => [[...el.options].findIndex((o) => o.value === wanted), el.options.length], value);
  expect(index, `${value} is an option`).toBeGreaterThan(0);
  const up = count - 1 - index < index;
  await select.press(up ? "End" : "Home");
  for (let i = 0; i < count && (await select.evaluate((el: HTMLSelectElement) => el.selectedIndex)) !== index; i++) {
    await select.press(up ? "ArrowUp" : "ArrowDown");
  }
}

async function signConfirmAndWithdraw(page: Page, request: APIRequestContext, { lang, words, norway }: Reader = READERS[0]) {
  const letter = createLetter();
  const email = uniqueEmail("keys");
  const form = words.signForm;
  await page.goto(`/letters/${letter.slug}?lang=${lang}`);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expectOnScreen(page);

  // Tab to the first field, past the letter; Shift+Tab back from a later one.
  await tabTo(page, page.getByLabel(form.fullName));
  await page.keyboard.type("Kay Board");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(form.email, { exact: true })).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(form.country, { exact: true })).toBeFocused();
  // A select is chosen by typing the start of a name, or with the arrow keys. (Playwright
  // types letters no US keyboard has as inserted text, which a select ignores: Arabic's
  // reader takes the arrows, from whichever end of the list is nearer.)
  if (/^[\x20-\x7e]+$/.test(norway)) await page.keyboard.type(norway);
  else await chooseByArrows(page.getByLabel(form.country, { exact: true }), "NO");
  await expect(page.getByLabel(form.country, { exact: true })).toHaveValue("NO");
  await tabTo(page, page.getByLabel(startOf(form.listMePublicly)));
  await page.keyboard.press("Space");
  await expect(page.getByLabel(startOf(form.listMePublicly))).toBeChecked();
  await tabTo(page, page.getByLabel(startOf(form.consent)));
  await page.keyboard.press("Space");
  await expect(page.getByLabel(startOf(form.consent))).toBeChecked();
  await tabTo(page, page.getByLabel(form.fullName), { backwards: true });
  await tabTo(page, page.getByRole("button", { name: form.sign }));
  await waitOutFillTime(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: words.checkEmail.title })).toBeVisible();
  await expectOnScreen(page);

  // The email's links carry the language it was signed in (none for English).
  const [mail] = await waitForEmails(request, email);
  const inLang = (link: string) => (lang === "en" ? link : `${link}?lang=${lang}`);
  expect(mail.text).toContain(inLang(confirmLink(mail)));
  await page.goto(inLang(confirmLink(mail)));
  await tabTo(page, page.getByRole("button", { name: words.verify.confirmButton }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: words.verify.thankYouTitle })).toBeVisible();
  await expectOnScreen(page);
  await expect.poll(async () => (await counts(request, letter.slug)).total, { timeout: 6_000 }).toBe(1);

  const withdraw = mail.text.match(/https?:\/\/[^\s)]+\/withdraw\/[A-Za-z0-9_-]{43}/)![0];
  await page.goto(inLang(withdraw));
  await tabTo(page, page.getByRole("button", { name: words.withdraw.withdrawButton }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("heading", { name: words.withdraw.withdrawnTitle })).toBeVisible();
  await expectOnScreen(page);
  await expect.poll(async () => (await counts(request, letter.slug)).total, { timeout: 6_000 }).toBe(0);
}

for (const reader of READERS) {
  test(`a signer signs, confirms and withdraws with the keyboard alone, on a phone, in ${reader.lang}`, async ({ page, request }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signConfirmAndWithdraw(page, request, reader);
  });

  test.describe("at 200% zoom", () => {
    test.use(ZOOM_200);
    test(`a signer signs, confirms and withdraws with the keyboard alone, and nothing is cut off, in ${reader.lang}`, async ({ page, request }) => {
      await signConfirmAndWithdraw(page, request, reader);
    });
  });
}
