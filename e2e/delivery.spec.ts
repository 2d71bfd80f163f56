import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { APP_URL } from "./config";
import { expectNoViolations } from "./a11y-support";
import { addStaff, insertCountedSignatures, signInAs } from "./admin-support";
import { sql } from "./db";
import { confirmLink, createLetter, emailsTo, signViaApi, uniqueEmail, waitForEmails } from "./support";

// Delivering a letter: an admin records a delivery and the addressee's response, the
// letter page shows them at once (in French too), and the delivery document is for admins only.

// A 1x1 PNG, the smallest real image a browser shows.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const auditActions = (letterId: string) =>
  sql<{ action: string }>(`SELECT "action" FROM "AuditLog" WHERE "letterId" = ? ORDER BY "createdAt", "id"`, [letterId]).map((row) => row.action);

/** With DELIVERY_SCREENSHOTS=<folder>, the page at a phone's and two laptops' sizes, for a person to look at. */
async function screenshots(page: Page, name: string) {
  const folder = process.env.DELIVERY_SCREENSHOTS;
  if (!folder) return;
  fs.mkdirSync(folder, { recursive: true });
  for (const [width, height] of [[390, 844], [1280, 720], [1366, 768]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(folder, `${name}-${width}x${height}.png`), fullPage: true });
  }
}

test("an admin records a delivery and the response; the letter page shows the timeline at once, in French too", async ({ page, request }) => {
  const letter = createLetter();
  await signInAs(page, request, addStaff("admin"));
  await page.getByTestId(`letter-row-${letter.slug}`).getByRole("link", { name: "Delivery" }).click();
  await expect(page.getByRole("heading", { name: "Delivering the letter" })).toBeVisible();
  await expect(page.getByText("No delivery recorded yet.")).toBeVisible();

  // Nothing is sent while the shared schema finds fields to fix; what was typed stays.
  const form = page.getByTestId("delivery-new");
  const posts: string[] = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
  await form.getByLabel("Link").fill("not a link");
  await form.getByRole("button", { name: "Record the delivery" }).click();
  await expect(form.getByLabel("Delivered to")).toHaveAccessibleDescription(/Delivered to is required\./);
  await expect(form.getByLabel("Link")).toHaveAccessibleDescription(/Enter a full web address/);
  expect(posts).toEqual([]);
  await expect(form.getByLabel("Link")).toHaveValue("not a link");

  await form.getByLabel("Delivered to").fill("The City Council");
  await form.getByLabel("Date of delivery").fill("2026-11-20");
  await form.getByLabel("In person").check();
  await form.getByLabel("Link").fill("https://news.example/handed-over");
  await form.getByLabel("Note, shown on the letter page").fill("Twelve volunteers came along.");
  await form.getByLabel("Photo").setInputFiles({ name: "delivery.png", mimeType: "image/png", buffer: PNG });
  await form.getByRole("button", { name: "Record the delivery" }).click();
  await expect(form.getByRole("status")).toHaveText("Delivery recorded. The letter page shows it now.");
  await expect(page.getByTestId("admin-delivery")).toContainText("Delivered to The City Council on 20 November 2026");

  const response = page.getByTestId("admin-delivery").locator("form").last();
  await response.getByLabel("Response from").fill("The Mayor");
  await response.getByLabel("Date of the response").fill("2026-11-27");
  await response.getByLabel("The response, as received").fill("Thank you for your letter.\n\nWe will answer in full at the next meeting.");
  await response.getByRole("button", { name: "Record the response" }).click();
  await expect(response.getByRole("status")).toHaveText("Response saved. The letter page shows it now.");
  expect(auditActions(letter.id)).toEqual(["delivery.record", "delivery.response"]);
  await page.reload();
  await expectNoViolations(page, "the admin delivery page");
  await screenshots(page, "admin-delivery");

  // The letter page, served from memory, shows it on the next request.
  await page.goto(`/letters/${letter.slug}?lang=en`);
  const timeline = page.getByTestId("delivery-timeline");
  await expect(timeline.getByRole("heading", { name: "Delivery and response" })).toBeVisible();
  await expect(timeline.getByRole("heading", { name: "Delivered to The City Council on November 20, 2026" })).toBeVisible();
  await expect(timeline).toContainText("Handed over in person");
  await expect(timeline).toContainText("Twelve volunteers came along.");
  await expect(timeline.getByRole("link", { name: "More about the delivery" })).toHaveAttribute("href", "https://news.example/handed-over");
  await expect(timeline.getByRole("heading", { name: "Response received on November 27, 2026 from The Mayor" })).toBeVisible();
  await expect(timeline.locator("p", { hasText: "We will answer in full at the next meeting." })).toBeVisible();
  const photo = timeline.getByRole("img", { name: "Photo of the delivery to The City Council" });
  await expect(photo).toBeVisible();
  const image = await page.request.get(new URL((await photo.getAttribute("src"))!, APP_URL).href);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect(image.headers()["x-content-type-options"]).toBe("nosniff");
  expect(image.headers()["cache-control"]).toContain("immutable");
  await expectNoViolations(page, "the letter page with a timeline");
  await screenshots(page, "letter-timeline");

  await page.goto(`/letters/${letter.slug}?lang=fr`);
  await expect(timeline.getByRole("heading", { name: "Remise et réponse" })).toBeVisible();
  await expect(timeline.getByRole("heading", { name: "Remise à The City Council le 20 novembre 2026" })).toBeVisible();
  await expect(timeline).toContainText("Remise en main propre");
  await expect(timeline.getByRole("heading", { name: "Réponse reçue le 27 novembre 2026 de The Mayor" })).toBeVisible();
});

test("the delivery document answers a PDF to an admin, 403 to a moderator and nothing to a stranger", async ({ page, request, browser }) => {
  const letter = createLetter();
  insertCountedSignatures(letter.id, [{ name: "Ada Lovelace", email: uniqueEmail() }, { name: "Quiet Signer", email: uniqueEmail(), listPublicly: false }]);
  const url = `${APP_URL}/admin/letters/${letter.slug}/delivery.pdf`;

  await signInAs(page, request, addStaff("admin"));
  await page.goto(`/admin/letters/${letter.slug}/delivery`);
  await expect(page.getByRole("link", { name: "Download the delivery document (PDF)" })).toHaveAttribute("href", `/admin/letters/${letter.slug}/delivery.pdf`);
  const pdf = await page.request.get(url);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["cache-control"]).toBe("no-store");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  expect(auditActions(letter.id)).toContain("delivery.document");

  const moderatorContext = await browser.newContext({ baseURL: APP_URL });
  const moderator = await moderatorContext.newPage();
  await signInAs(moderator, request, addStaff("moderator"));
  expect((await moderator.request.get(url)).status()).toBe(403);
  await moderator.goto(`/admin/letters/${letter.slug}/delivery`);
  await expect(moderator.getByText("Only admins can download the delivery document.")).toBeVisible();
  await expect(moderator.getByText("Only admins can record deliveries and responses.")).toBeVisible();
  await expect(moderator.getByRole("button", { name: "Record the delivery" })).toHaveCount(0);
  await moderatorContext.close();

  const stranger = await request.get(url, { maxRedirects: 0 });
  expect([401, 302, 303, 307]).toContain(stranger.status());
  expect(stranger.headers()["content-type"] ?? "").not.toContain("application/pdf");
});

test("signers who asked for news hear of a delivery and of the response, through an update the admin reads before sending", async ({ page, request }) => {
  test.setTimeout(180_000);
  const letter = createLetter();
  const wantsNews = uniqueEmail("news");
  const noNews = uniqueEmail("quiet");
  for (const [email, updates] of [[wantsNews, true], [noNews, false]] as const) {
    const signed = await signViaApi(request, letter.slug, { kind: "individual", name: "Dee Livery", email, country: "FR", listPublicly: true, consent: true, updates });
    expect(signed.status()).toBe(202);
    const [confirmation] = await waitForEmails(request, email);
    await page.goto(confirmLink(confirmation));
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("button", { name: "Confirm my signature" })).toHaveCount(0);
  }

  await signInAs(page, request, addStaff("admin"));
  await page.goto(`/admin/letters/${letter.slug}/delivery`);
  const form = page.getByTestId("delivery-new");
  await form.getByLabel("Delivered to").fill(`The Council ${letter.slug}`);
  await form.getByLabel("Date of delivery").fill("2026-11-20");
  await form.getByLabel("By email").check();
  await form.getByRole("button", { name: "Record the delivery" }).click();
  await expect(form.getByRole("status")).toHaveText("Delivery recorded. The letter page shows it now.");
  const response = page.getByTestId("admin-delivery").locator("form").last();
  await response.getByLabel("Response from").fill("The Chair");
  await response.getByLabel("Date of the response").fill("2026-11-27");
  await response.getByLabel("The response, as received").fill("We have read your letter.");
  await response.getByRole("button", { name: "Record the response" }).click();
  await expect(response.getByRole("status")).toHaveText("Response saved. The letter page shows it now.");
  await page.reload();

  // Each "Tell signers" button writes a draft in the update editor; the admin sends it there.
  const sent: string[] = [];
  for (const button of ["Tell signers who asked for news about this delivery", "Tell them about the response"]) {
    await page.goto(`/admin/letters/${letter.slug}/delivery`);
    await page.getByRole("button", { name: button }).click();
    await expect(page.getByTestId("update-notice")).toContainText("A draft written from the delivery page.");
    const subject = await page.getByLabel("Subject").inputValue();
    await page.getByRole("link", { name: "Send to 1 signer…" }).click();
    await page.getByRole("button", { name: "Yes, send it now" }).click();
    await expect(page.getByTestId("update-notice")).toContainText("Sending");
    sent.push(subject);
  }
  expect(sent).toEqual([`Delivered to The Council ${letter.slug}: “${letter.title}”`, `The Chair responded to “${letter.title}”`]);

  const [delivered] = await waitForEmails(request, wantsNews, { subject: new RegExp(`^Delivered to The Council`) });
  expect(delivered.text).toContain(`sent by email to The Council ${letter.slug}`);
  const [answered] = await waitForEmails(request, wantsNews, { subject: /^The Chair responded/ });
  expect(answered.text).toContain("We have read your letter.");
  // The signer who did not ask got their confirmation and nothing since.
  expect((await emailsTo(request, noNews)).map((mail) => mail.subject).filter((subject) => sent.includes(subject))).toEqual([]);
  expect(auditActions(letter.id).filter((action) => action.startsWith("update."))).toEqual(["update.save", "update.send", "update.save", "update.send"]);
});
