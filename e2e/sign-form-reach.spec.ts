import { expect, test, type Locator, type Page } from "@playwright/test";

// Issue 11, item 12: on a laptop's window the letter page's sidebar (counts and sign form)
// is taller than the window. It must not stick with the consent box and the Sign button
// out of reach until the reader has scrolled past the whole letter.

const slug = "strong-encryption-open-letter"; // the long letter that ships

/** Where the letter ends, in the page's coordinates, and where the window's bottom is now. */
const place = (page: Page) =>
  page.evaluate(() => ({
    letterEnd: document.querySelector("article")!.getBoundingClientRect().bottom + window.scrollY,
    windowBottom: window.scrollY + window.innerHeight,
  }));

async function expectInWindow(page: Page, target: Locator) {
  const box = (await target.boundingBox())!;
  const { height } = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
}

/** Presses Tab until `target` has the focus (at most `limit` times); how many it took. */
async function tabTo(page: Page, target: Locator, limit = 150): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  throw new Error(`not reached in ${limit} presses of Tab`);
}

for (const [width, height] of [[1280, 720], [1366, 768]]) {
  test(`at ${width}x${height} the consent box and the Sign button come into view, by scrolling or by Tab, before the letter ends`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto(`/letters/${slug}`);
    const sidebar = page.getByRole("complementary", { name: "Signatures" });
    const consent = page.getByLabel(/I agree that my name/);
    const sign = page.getByRole("button", { name: "Sign the letter" });
    // The case in question: the sidebar is taller than the window.
    expect((await sidebar.boundingBox())!.height).toBeGreaterThan(height);
    await expect(consent).toBeEnabled(); // hydrated: the sidebar has measured itself

    for (const target of [consent, sign]) {
      await target.scrollIntoViewIfNeeded();
      await expectInWindow(page, target);
      const { letterEnd, windowBottom } = await place(page);
      expect(windowBottom).toBeLessThan(letterEnd);
    }

    await page.evaluate(() => window.scrollTo(0, 0));
    await tabTo(page, consent);
    await page.keyboard.press("Space");
    await expect(consent).toBeChecked();
    await expectInWindow(page, consent);
    await tabTo(page, sign, 5);
    await expectInWindow(page, sign);
    const { letterEnd, windowBottom } = await place(page);
    expect(windowBottom).toBeLessThan(letterEnd);
  });
}

test("on a phone the link at the top leads to the form, and Tab from there to the consent box and the Sign button", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/letters/${slug}`);
  const jump = page.getByRole("link", { name: "Sign this letter" });
  await tabTo(page, jump, 20);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#sign$/);
  const consent = page.getByLabel(/I agree that my name/);
  // The form's fields, not the rest of the letter, come next.
  expect(await tabTo(page, consent, 20)).toBeLessThanOrEqual(15);
  await expectInWindow(page, consent);
  await tabTo(page, page.getByRole("button", { name: "Sign the letter" }), 5);
  await expectInWindow(page, page.getByRole("button", { name: "Sign the letter" }));
});

test("in a window tall enough for the whole sidebar, it stays in view as the letter scrolls", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.goto(`/letters/${slug}`);
  const sidebar = page.getByRole("complementary", { name: "Signatures" });
  await expect(sidebar).toHaveCSS("position", "sticky");
  await page.evaluate(() => window.scrollTo(0, 900));
  await expect.poll(async () => (await sidebar.boundingBox())!.y).toBe(24);
});

test("a sidebar that grows past the window while it sticks lets go without leaving the reader's view", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.goto(`/letters/${slug}`);
  const sidebar = page.getByRole("complementary", { name: "Signatures" });
  await expect(sidebar).toHaveCSS("position", "sticky");
  await page.evaluate(() => window.scrollTo(0, 600));
  await expect.poll(async () => (await sidebar.boundingBox())!.y).toBe(24);
  // Taller than the window now (as an error summary or the organisation fields would make it).
  await sidebar.evaluate((element) => element.querySelector("form")!.prepend(Object.assign(document.createElement("div"), { style: "height: 400px" })));
  await expect(sidebar).toHaveCSS("position", "static");
  expect((await sidebar.boundingBox())!.y).toBe(24);
});
