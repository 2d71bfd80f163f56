import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { confirmLink, counts, createLetter, uniqueEmail, waitForEmails, waitOutFillTime } from "./support";

// Signing, confirming and withdrawing with the keyboard alone (Tab, Shift+Tab, Enter,
// Space, arrows in a select: never a click), at a phone's width and at 200% zoom.
//
// 200% zoom is a 640x360 CSS viewport with deviceScaleFactor 2: what a 1280x720 laptop
// shows when its reader zooms to 200% (CSS pixels halve, each drawn with four device
// pixels). Chromium's own zoom is not reachable from Playwright; this is the same layout.

const ZOOM_200 = { viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 };

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

async function signConfirmAndWithdraw(page: Page, request: APIRequestContext) {
  const letter = createLetter();
  const email = uniqueEmail("keys");
  await page.goto(`/letters/${letter.slug}`);
  await expectOnScreen(page);

  // Tab to the first field, past the letter; Shift+Tab back from a later one.
  await tabTo(page, page.getByLabel("Full name"));
  await page.keyboard.type("Kay Board");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email", { exact: true })).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Country", { exact: true })).toBeFocused();
  // A select is chosen by typing the start of a name.
  await page.keyboard.type("Norway");
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("NO");
  await tabTo(page, page.getByLabel(/List my name publicly/));
  await page.keyboard.press("Space");
  await expect(page.getByLabel(/List my name publicly/)).toBeChecked();
  await tabTo(page, page.getByLabel(/I agree that my name/));
  await page.keyboard.press("Space");
  await expect(page.getByLabel(/I agree that my name/)).toBeChecked();
  await tabTo(page, page.getByLabel("Full name"), { backwards: true });
  await tabTo(page, page.getByRole("button", { name: "Sign the letter" }));
  await waitOutFillTime(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expectOnScreen(page);

  const [mail] = await waitForEmails(request, email, { subject: /Confirm your signature/ });
  await page.goto(confirmLink(mail));
  await tabTo(page, page.getByRole("button", { name: "Confirm my signature" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
  await expectOnScreen(page);
  await expect.poll(async () => (await counts(request, letter.slug)).total, { timeout: 6_000 }).toBe(1);

  const withdraw = mail.text.match(/https?:\/\/[^\s)]+\/withdraw\/[A-Za-z0-9_-]{43}/)![0];
  await page.goto(withdraw);
  await tabTo(page, page.getByRole("button", { name: "Withdraw my signature" }));
  await page.keyboard.press("Space");
  await expect(page.getByRole("heading", { name: "Your signature is withdrawn" })).toBeVisible();
  await expectOnScreen(page);
  await expect.poll(async () => (await counts(request, letter.slug)).total, { timeout: 6_000 }).toBe(0);
}

test("a signer signs, confirms and withdraws with the keyboard alone, on a phone", async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signConfirmAndWithdraw(page, request);
});

test.describe("at 200% zoom", () => {
  test.use(ZOOM_200);
  test("a signer signs, confirms and withdraws with the keyboard alone, and nothing is cut off", async ({ page, request }) => {
    await signConfirmAndWithdraw(page, request);
  });
});
