import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoViolations } from "./a11y-support";
import { ADMIN_EMAIL, addStaff, signInAs } from "./admin-support";
import { APP_URL } from "./config";
import { sql } from "./db";
import type { ReceivedEmail } from "./resend-stand-in";
import { confirmLink, createLetter, emailsTo, fillSignForm, uniqueEmail, waitForEmails, type TestLetter } from "./support";

// Updates to signers as people meet them: the sign form's separate choice, an admin who
// writes, previews, tests and sends an update, the email that reaches only those who
// asked, and its unsubscribe link: a page whose button POSTs, and the one-click POST.

const unsubscribeLink = (email: ReceivedEmail) => {
  const link = email.text.match(/https?:\/\/\S+\/unsubscribe\/[A-Za-z0-9_-]{43}(\?lang=\w+)?/)?.[0];
  if (!link) throw new Error(`no unsubscribe link in: ${email.text}`);
  return link;
};

async function signOnPage(page: Page, request: APIRequestContext, letter: TestLetter, email: string, { updates }: { updates: boolean }) {
  await page.goto(`/letters/${letter.slug}`);
  await fillSignForm(page, { name: "Una Update", email, country: "IE" });
  const choice = page.getByLabel("Tell me about this letter's progress");
  await expect(choice).not.toBeChecked();
  if (updates) await choice.check();
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await confirmByLink(page, request, email);
}

async function confirmByLink(page: Page, request: APIRequestContext, email: string) {
  // The first email to a new address is its confirmation, in the language it signed in.
  const [mail] = await waitForEmails(request, email);
  await page.goto(confirmLink(mail));
  const button = page.getByRole("button", { name: /Confirm my signature|أكّد توقيعي/ });
  await button.click();
  // The page that answers the POST thanks the signer, in their language, without the button.
  await expect(button).toHaveCount(0);
}

test("an admin writes, previews, tests and sends an update; only the signers who asked get it, and each can stop updates in one click", async ({ page, request }) => {
  test.setTimeout(240_000);
  const letter = createLetter();
  const wantsNews = uniqueEmail("news");
  const noNews = uniqueEmail("quiet");
  const arabic = uniqueEmail("arabic");

  // The sign form with its new choice, as a reader meets it.
  await page.goto(`/letters/${letter.slug}`);
  await expectNoViolations(page, "the sign form with the updates choice");
  await signOnPage(page, request, letter, wantsNews, { updates: true });
  await signOnPage(page, request, letter, noNews, { updates: false });
  // The JSON API takes the choice too; this signer reads Arabic.
  const signed = await request.post(`/api/letters/${letter.slug}/signatures`, {
    data: { kind: "individual", name: "Amal", email: arabic, country: "EG", listPublicly: false, consent: true, updates: true },
    headers: { "Accept-Language": "ar" },
  });
  expect(signed.status()).toBe(202);
  await confirmByLink(page, request, arabic);

  // The admin writes the update and sees the email as it will be sent.
  await signInAs(page, request, ADMIN_EMAIL);
  await page.goto(`/admin/letters/${letter.slug}/updates`);
  await expect(page.getByTestId("eligible-now")).toContainText("2 signers");
  await expectNoViolations(page, "the updates list");
  await page.getByRole("link", { name: "Write an update" }).click();
  await expectNoViolations(page, "the new update page");
  await page.getByRole("button", { name: "Save and preview" }).click();
  await expect(page.locator("#update-subject-error")).toHaveText("Subject is required.");
  const subject = `Delivered to the Council ${letter.slug}`;
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Text (Markdown)").fill("This morning we handed the letter to the **Council**.\n\n- 2 signatures\n- 1 answer awaited");
  await page.getByRole("button", { name: "Save and preview" }).click();
  await expect(page.getByTestId("update-notice")).toContainText("Saved.");
  const preview = page.frameLocator('[data-testid="update-preview"]');
  await expect(preview.getByText("This morning we handed the letter to the")).toBeVisible();
  await expect(preview.locator("strong", { hasText: "Council" })).toBeVisible();
  await expect(preview.getByRole("link", { name: "Stop these updates" })).toBeVisible();
  // The email itself is checked with every other email (accessibility.spec.ts, render-emails.ts).
  await expectNoViolations(page, "the update editor with its preview", { exclude: '[data-testid="update-preview"]' });

  await page.getByRole("button", { name: "Send a test to me" }).click();
  await expect(page.getByTestId("update-notice")).toContainText("A test copy is on its way");
  const [testCopy] = await waitForEmails(request, ADMIN_EMAIL, { subject: new RegExp(`^\\[Test\\] ${subject}$`) });
  expect(testCopy.text).toContain("Test: only you received this message.");

  await page.getByRole("link", { name: "Send to 2 signers…" }).click();
  await expect(page.getByRole("heading", { name: "Send this update to 2 signers?" })).toBeVisible();
  await page.getByRole("button", { name: "Yes, send it now" }).click();
  await expect(page.getByTestId("update-notice")).toContainText("Sending");
  // The figures say both went before anyone's mailbox is looked at.
  await expect.poll(async () => {
    await page.reload();
    return page.getByTestId("figure-sent").textContent();
  }, { timeout: 20_000 }).toBe("2");
  await expect(page.getByTestId("figure-recipients")).toHaveText("2");
  await expect(page.getByRole("button", { name: "Save and preview" })).toHaveCount(0);

  const [news] = await waitForEmails(request, wantsNews, { subject: new RegExp(`^${subject}$`) });
  expect(news.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/\S+\/unsubscribe\/[A-Za-z0-9_-]{43}>$/);
  expect(news.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  expect((await emailsTo(request, noNews)).filter((mail) => mail.subject === subject)).toEqual([]);
  const [arabicNews] = await waitForEmails(request, arabic, { subject: new RegExp(`^${subject}$`) });
  expect(arabicNews.html).toContain('dir="rtl"');

  // The email's link opens a page that changes nothing until its button is pressed.
  await page.context().clearCookies();
  const link = unsubscribeLink(news);
  const opened = await page.goto(link);
  expect(opened?.status()).toBe(200);
  expect(opened?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(page.getByRole("heading", { name: "Stop updates about this letter" })).toBeVisible();
  await expectNoViolations(page, "the unsubscribe page");
  await page.goto(link);
  await expect(page.getByRole("button", { name: "Stop the updates" })).toBeVisible();
  await page.getByRole("button", { name: "Stop the updates" }).click();
  await expect(page.getByRole("heading", { name: "No more updates" })).toBeVisible();
  await expect(page.getByTestId("unsubscribed")).toContainText(letter.title);
  await expectNoViolations(page, "the unsubscribe page once done");

  // The Arabic signer's page speaks Arabic; a mail provider's one-click POST stops them.
  const arabicLink = unsubscribeLink(arabicNews);
  expect(arabicLink).toContain("?lang=ar");
  await page.goto(arabicLink);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "إيقاف أخبار هذه الرسالة" })).toBeVisible();
  await expectNoViolations(page, "the unsubscribe page in Arabic");
  const oneClick = await request.post(arabicNews.headers["List-Unsubscribe"].slice(1, -1), {
    form: { "List-Unsubscribe": "One-Click" },
    headers: { Origin: "https://mail.example" },
  });
  expect(oneClick.status()).toBe(200);
  await page.goto(arabicLink);
  await expect(page.getByRole("heading", { name: "لن تصلك أخبار بعد الآن" })).toBeVisible();
  await expectNoViolations(page, "the unsubscribe page in Arabic once done");

  // An unknown link is a clear 404 page.
  const unknown = await page.goto(`/unsubscribe/${"x".repeat(43)}`);
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
});

test("a moderator reads the updates but cannot write, test or send one: the pages are 403 and a replayed send is refused", async ({ browser, page, request }) => {
  test.setTimeout(120_000);
  const letter = createLetter();
  await signInAs(page, request, ADMIN_EMAIL);
  await page.goto(`/admin/letters/${letter.slug}/updates/new`);
  await page.getByLabel("Subject").fill(`Draft ${letter.slug}`);
  await page.getByLabel("Text (Markdown)").fill("Not for moderators to send.");
  await page.getByRole("button", { name: "Save and preview" }).click();
  await expect(page.getByTestId("update-notice")).toContainText("Saved.");
  const draftUrl = page.url().split("?")[0];
  // The admin's "Yes, send it now", captured and not let through.
  await page.goto(`${draftUrl}?confirm=1`);
  let captured: import("@playwright/test").Request | undefined;
  await page.route(`**${new URL(draftUrl).pathname}*`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    captured = route.request();
    await route.abort();
  });
  await page.getByRole("button", { name: "Yes, send it now" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);

  const moderator = await (await browser.newContext({ baseURL: APP_URL })).newPage();
  await signInAs(moderator, request, addStaff("moderator"));
  await moderator.goto(`/admin/letters/${letter.slug}/updates`);
  await expect(moderator.getByRole("link", { name: `Draft ${letter.slug}` })).toBeVisible();
  await expect(moderator.getByRole("link", { name: "Write an update" })).toHaveCount(0);
  expect((await moderator.goto(`/admin/letters/${letter.slug}/updates/new`))?.status()).toBe(403);
  await moderator.goto(draftUrl);
  await expect(moderator.getByRole("button", { name: "Send a test to me" })).toHaveCount(0);
  await expect(moderator.getByRole("link", { name: /Send to/ })).toHaveCount(0);

  const headers = Object.fromEntries(
    Object.entries(captured!.headers()).filter(([name]) => !["host", "cookie", "content-length"].includes(name)),
  );
  const replay = await moderator.request.post(captured!.url(), { headers: { ...headers, origin: APP_URL }, data: captured!.postDataBuffer()!, maxRedirects: 0 });
  // The action answers by sending the page back with its refusal, in words.
  expect(decodeURIComponent(replay.headers()["x-action-redirect"] ?? "").replaceAll("+", " ")).toContain("Your role does not allow this.");
  expect(sql<{ status: string }>(`SELECT "status" FROM "LetterUpdate" WHERE "id" = ?`, [draftUrl.split("/").at(-1)!])[0].status).toBe("draft");
  expect(sql(`SELECT "id" FROM "AuditLog" WHERE "letterId" = ? AND "action" = 'update.send'`, [letter.id])).toEqual([]);
});
