import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { DESKTOP, PHONE, expectNoViolations } from "./a11y-support";
import { addStaff, signInAs } from "./admin-support";
import { sql } from "./db";
import { confirmLink, createLetter, signViaApi, uniqueEmail, waitForEmails, type TestLetter } from "./support";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

// The admin's webhook pages: registering an endpoint (a receiver started here, on
// loopback over plain HTTP, which the e2e server allows), its secret shown once, a
// confirmed signature delivered and logged, "send again"; moderators kept out.

let receiver: WebhookReceiver;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(() => receiver?.close());

async function register(page: Page, letter: TestLetter, url: string): Promise<string> {
  await page.getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { name: "Webhooks", exact: true })).toBeVisible();
  await page.getByLabel("Endpoint URL").fill(url);
  await page.getByLabel("Letter", { exact: true }).selectOption({ label: letter.title });
  await expect(page.getByRole("checkbox", { name: /Signature confirmed/ })).toBeChecked();
  await page.getByRole("button", { name: "Register endpoint" }).click();
  const shown = page.getByTestId("webhook-secret");
  await expect(shown).toContainText("shown only this once");
  return (await shown.locator("code").textContent())!.trim();
}

async function signAndConfirm(page: Page, letter: TestLetter, name: string) {
  const email = uniqueEmail("hooked");
  const answer = await signViaApi(page.request, letter.slug, { kind: "individual", name, email, country: "PT", listPublicly: true, consent: true });
  expect(answer.status()).toBe(202);
  const [mail] = await waitForEmails(page.request, email, { subject: /Confirm your signature/ });
  const signer = await page.context().newPage();
  await signer.goto(confirmLink(mail));
  await signer.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(signer.getByRole("heading", { name: /Thank you for signing/ })).toBeVisible();
  await signer.close();
  return email;
}

test("an admin registers an endpoint, sees its secret once, and a confirmed signature arrives signed, logged with its 200, and goes again on request", async ({ page, request }) => {
  const letter = createLetter();
  await signInAs(page, request, addStaff("admin"));
  // A URL with a password is refused by the server, beside the field.
  await page.getByRole("link", { name: "Webhooks" }).click();
  await page.getByLabel("Endpoint URL").fill(receiver.url.replace("http://", "http://user:pw@"));
  await page.getByRole("button", { name: "Register endpoint" }).click();
  await expect(page.getByText("Leave the user name and password out of the URL")).toBeVisible();
  await expect(page.getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");

  const url = `${receiver.url}/${letter.slug}`;
  const secret = await register(page, letter, url);
  expect(secret).toMatch(/^whsec_/);
  await page.reload();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret.slice(6));
  await page.getByRole("link", { name: url }).click();
  await expect(page.getByRole("heading", { name: url })).toBeVisible();
  expect(await page.content()).not.toContain(secret.slice(6));

  const before = receiver.received.length;
  const email = await signAndConfirm(page, letter, "Webhook Reader");
  const [delivered] = (await receiver.waitFor(before + 1)).slice(before);
  const payload = new Webhook(secret).verify(delivered.body, delivered.headers) as { type: string; data: { letter: { slug: string }; signature: { name: string } } };
  expect(payload).toMatchObject({ type: "signature.confirmed", data: { letter: { slug: letter.slug }, signature: { name: "Webhook Reader" } } });
  expect(delivered.body).not.toContain(email);

  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("webhook-delivery").first()).toContainText("HTTP 200", { timeout: 1_000 });
  }).toPass();
  await expect(page.getByTestId("webhook-delivery").first()).toContainText("Delivered");

  // As a day of failures would leave it.
  sql(`UPDATE "WebhookDelivery" SET "status" = 'failed' WHERE "id" = ?`, [delivered.headers["webhook-id"].replace(/^msg_/, "")]);
  await page.reload();
  await page.getByRole("button", { name: /^Send again: Signature confirmed/ }).click();
  await expect(page.getByText("Queued: it goes out within a few seconds.")).toBeVisible();
  const again = (await receiver.waitFor(before + 2))[before + 1];
  expect(again.headers["webhook-id"]).toBe(delivered.headers["webhook-id"]);
  expect(again.body).toBe(delivered.body);
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-entry").filter({ hasText: "webhook.send_again" }).first()).toBeVisible();
});

test("a moderator has no Webhooks link and no webhook page", async ({ page, request }) => {
  await signInAs(page, request, addStaff("moderator"));
  await expect(page.getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  expect((await page.goto("/admin/webhooks"))?.status()).toBe(403);
  expect((await page.goto("/admin/webhooks/anything"))?.status()).toBe(403);
});

test("both webhook pages pass axe, at a phone's and a laptop's width", async ({ page, request }, testInfo) => {
  test.setTimeout(120_000); // three pages through axe at two widths, and screenshots at three
  const letter = createLetter();
  await signInAs(page, request, addStaff("admin"));
  await register(page, letter, `${receiver.url}/axe-${letter.slug}`);
  await expectNoViolations(page, "/admin/webhooks with a new secret shown");
  await signAndConfirm(page, letter, "Axe Reader");
  await page.reload();
  await expectNoViolations(page, "/admin/webhooks");
  await page.getByRole("link", { name: `${receiver.url}/axe-${letter.slug}` }).click();
  await expect(page.getByTestId("webhook-delivery").first()).toBeVisible();
  await expectNoViolations(page, "/admin/webhooks/[id]");
  // Screenshots to look at (test-results), at the three sizes the pages are checked at.
  for (const viewport of [PHONE, DESKTOP, { width: 1366, height: 768 }]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: testInfo.outputPath(`endpoint-${viewport.width}.png`), fullPage: true });
    await page.goto("/admin/webhooks");
    await page.screenshot({ path: testInfo.outputPath(`list-${viewport.width}.png`), fullPage: true });
    await page.goBack();
  }
});
