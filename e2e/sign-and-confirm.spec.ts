import { expect, test } from "@playwright/test";
import { confirmLink, counts, createLetter, expireLinksOf, fillSignForm, uniqueEmail, waitForEmails } from "./support";

test("an individual signs, confirms by the emailed link, and the counts and country table change", async ({ page, request }) => {
  const letter = createLetter();
  const email = uniqueEmail("ada");

  await page.goto(`/letters/${letter.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(letter.title);
  await expect(page.getByTestId("total-count")).toHaveText("0");
  await fillSignForm(page, { name: "Ada Testperson", email, country: "IS" });
  await page.getByRole("button", { name: "Sign the letter" }).click();

  await expect(page).toHaveURL(new RegExp(`/letters/${letter.slug}/check-email$`));
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByTestId("signed-email")).toHaveText(email);

  const [mail] = await waitForEmails(request, email, { subject: /Confirm your signature/ });
  expect(mail.from).toContain("letters@letters.test");
  expect(mail.html).toContain("Confirm my signature");
  expect(mail.idempotencyKey).toMatch(/^outbox\//);
  const link = confirmLink(mail);

  // Opening the link (as a mail scanner would) confirms nothing.
  await page.goto(link);
  await expect(page.getByText(letter.title)).toBeVisible();
  const button = page.getByRole("button", { name: "Confirm my signature" });
  await expect(button).toBeVisible();
  expect((await counts(request, letter.slug)).total).toBe(0);

  await button.click();
  await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Bluesky" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();

  await expect
    .poll(async () => (await counts(request, letter.slug)).total, { timeout: 6_000 })
    .toBe(1);
  const body = await counts(request, letter.slug);
  expect(body).toMatchObject({
    slug: letter.slug,
    total: 1,
    individuals: 1,
    organizations: 0,
    countries: [{ country: "IS", name: "Iceland", total: 1, individuals: 1, organizations: 0 }],
  });

  await expect(async () => {
    await page.goto(`/letters/${letter.slug}`);
    await expect(page.getByTestId("total-count")).toHaveText("1", { timeout: 1_000 });
  }).toPass({ timeout: 6_000 });
  const row = page.getByTestId("country-table").getByRole("row", { name: /Iceland/ });
  await expect(row).toContainText("1");
  await expect(page.getByTestId("individual-signatories")).toContainText("Ada Testperson");
  expect(await page.content()).not.toContain(email);

  // A second POST (the button again, from the same link) shows the same thanks and counts nothing.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
  await page.waitForTimeout(2_500);
  expect((await counts(request, letter.slug)).total).toBe(1);
});

test("a second click on the confirm button, from another tab, counts once", async ({ browser, request }) => {
  const letter = createLetter();
  const email = uniqueEmail("twice");
  const response = await request.post(`/api/letters/${letter.slug}/signatures`, {
    data: { kind: "individual", name: "Twice Clicker", email, country: "PT", listPublicly: false, consent: true },
  });
  expect(response.status()).toBe(202);
  const link = confirmLink((await waitForEmails(request, email))[0]);

  const context = await browser.newContext();
  const [first, second] = [await context.newPage(), await context.newPage()];
  await first.goto(link);
  await second.goto(link);
  await first.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(first.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
  await second.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(second.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
  await context.close();

  await expect.poll(async () => (await counts(request, letter.slug)).total, { timeout: 6_000 }).toBe(1);
  await new Promise((r) => setTimeout(r, 2_500));
  expect((await counts(request, letter.slug)).individuals).toBe(1);
});

test("unknown and expired links get clear pages with 404 and 410", async ({ page, request }) => {
  const unknown = await page.goto("/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Find the letter and sign again" })).toBeVisible();

  const malformed = await request.get("/verify/short");
  expect(malformed.status()).toBe(404);
  // A broken percent-escape is an unknown link too, not a server error.
  const badEscape = await page.goto("/verify/%ZZ");
  expect(badEscape?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();

  const letter = createLetter();
  const email = uniqueEmail("late");
  await request.post(`/api/letters/${letter.slug}/signatures`, {
    data: { kind: "individual", name: "Late Opener", email, country: "NO", listPublicly: true, consent: true },
  });
  const link = confirmLink((await waitForEmails(request, email))[0]);
  expireLinksOf(email);
  const expired = await page.goto(link);
  expect(expired?.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm my signature" })).toHaveCount(0);
  expect((await counts(request, letter.slug)).total).toBe(0);
});
