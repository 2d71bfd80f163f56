import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { confirmLink, counts, createLetter, fillSignForm, signViaApi, uniqueEmail, waitForEmails } from "./support";
import type { ReceivedEmail } from "./resend-stand-in";

function withdrawLink(email: ReceivedEmail, { notMe = false } = {}): string {
  const links = [...email.text.matchAll(/https?:\/\/[^\s)]+\/withdraw\/[A-Za-z0-9_-]{43}(\?reason=not-me)?/g)].map((m) => m[0]);
  const link = links.find((l) => l.endsWith("?reason=not-me") === notMe);
  if (!link) throw new Error(`no ${notMe ? "not-me" : "withdraw"} link in: ${email.text}`);
  return link;
}

/** The total as the widget shows it, read afresh. */
async function widgetTotal(page: Page, slug: string): Promise<string> {
  await page.goto(`/embed/${slug}`);
  return (await page.getByTestId("widget-total").textContent()) ?? "";
}

async function letterPageTotal(page: Page, slug: string): Promise<string> {
  await page.goto(`/letters/${slug}`);
  return (await page.getByTestId("total-count").textContent()) ?? "";
}

async function total(request: APIRequestContext, slug: string): Promise<number> {
  return (await counts(request, slug)).total;
}

test("a signer withdraws from the email link, and the counts JSON, the widget and the letter page fall within 5 s", async ({ page, request }) => {
  const letter = createLetter();
  const email = uniqueEmail("leaver");
  const name = "Lea Withdrawer";
  await page.goto(`/letters/${letter.slug}`);
  await fillSignForm(page, { name, email, country: "NL" });
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const [mail] = await waitForEmails(request, email, { subject: /Confirm your signature/ });
  await page.goto(confirmLink(mail));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
  await expect.poll(() => total(request, letter.slug), { timeout: 6_000 }).toBe(1);
  await expect.poll(() => widgetTotal(page, letter.slug), { timeout: 6_000 }).toBe("1");
  await expect.poll(() => letterPageTotal(page, letter.slug), { timeout: 6_000 }).toBe("1");
  await expect(page.getByTestId("individual-signatories")).toContainText(name);

  // Opening the link shows what goes, changes nothing, and is neither cached nor referred.
  const link = withdrawLink(mail);
  const response = await page.goto(link);
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers["cache-control"]).toContain("private");
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  await expect(page.getByRole("heading", { name: "Withdraw your signature" })).toBeVisible();
  await expect(page.getByText(letter.title)).toBeVisible();
  const removed = page.getByTestId("removed");
  await expect(removed).toContainText(name);
  await expect(removed).toContainText("Netherlands");
  await expect(removed).toContainText("Yes: the name is shown among the signatories");
  expect(await total(request, letter.slug)).toBe(1);

  // The button is reached by the keyboard and POSTs.
  const button = page.getByRole("button", { name: "Withdraw my signature" });
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your signature is withdrawn" })).toBeVisible();
  await expect(page.getByTestId("withdrawn")).toContainText(letter.title);

  await expect.poll(() => total(request, letter.slug), { timeout: 5_000 }).toBe(0);
  await expect.poll(() => widgetTotal(page, letter.slug), { timeout: 5_000 }).toBe("0");
  await expect.poll(() => letterPageTotal(page, letter.slug), { timeout: 5_000 }).toBe("0");
  await expect(page.getByText(name)).toHaveCount(0);
  const listed = await (await request.get(`/api/letters/${letter.slug}/signatures`)).json();
  expect(listed.items).toEqual([]);

  // Opening the link again later says it is done.
  const again = await page.goto(link);
  expect(again?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Your signature is withdrawn" })).toBeVisible();
});

test("\"this was not me\" removes a signature before it was confirmed, and its confirmation link with it", async ({ page, request }) => {
  const letter = createLetter();
  const email = uniqueEmail("victim");
  const answer = await signViaApi(request, letter.slug, { kind: "individual", name: "Planted Name", email, country: "IT", listPublicly: true, consent: true });
  expect(answer.status()).toBe(202);
  const [mail] = await waitForEmails(request, email, { subject: /Confirm your signature/ });

  await page.goto(withdrawLink(mail, { notMe: true }));
  await expect(page.getByText(/Someone used your address to sign/)).toContainText(letter.title);
  await expect(page.getByTestId("removed")).toContainText("Planted Name");
  await expect(page.getByTestId("removed")).toContainText("No: it has not been counted");
  await page.getByRole("button", { name: "Remove it" }).click();
  await expect(page.getByRole("heading", { name: "Removed" })).toBeVisible();

  // The confirmation link no longer leads anywhere, and nothing was ever counted.
  expect((await page.goto(confirmLink(mail)))?.status()).toBe(404);
  expect(await total(request, letter.slug)).toBe(0);
});

test("an unknown or malformed withdrawal link is a clear 404", async ({ page }) => {
  for (const token of ["A".repeat(43), "not-a-token"]) {
    const response = await page.goto(`/withdraw/${token}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  }
});
