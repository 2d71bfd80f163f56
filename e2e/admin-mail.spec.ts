import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { addStaff, signInAs } from "./admin-support";
import { sql, timestamp } from "./db";
import { uniqueEmail, waitForEmails } from "./support";

// The admin's Mail page: failed messages, "send again" (admins only, audited, once).

/** A confirmation that failed, with its link still working, straight into the outbox. */
function failedConfirmation(to: string): string {
  const id = `e2e${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const link = `http://localhost/verify/${crypto.randomBytes(32).toString("base64url")}`;
  const now = timestamp();
  sql(
    `INSERT INTO "OutboxEmail" ("id", "template", "to", "subject", "html", "text", "status", "attempts", "nextAttemptAt", "lastError", "createdAt")
     VALUES (?, 'signature-confirm', ?, 'Confirm your signature: Mail page', ?, ?, 'failed', 80, ?, '503: Stand-in failure', ?)`,
    [id, to, `<p><a href="${link}">Confirm</a></p>`, `Confirm: ${link}`, now, now],
  );
  return id;
}

test("an admin sends a failed message again: it arrives once, the button gives way, the audit log says who", async ({ page, request }) => {
  const to = uniqueEmail("mail-page");
  failedConfirmation(to);
  await signInAs(page, request, addStaff("admin"));
  await page.getByRole("link", { name: "Mail" }).click();
  await expect(page.getByRole("heading", { name: "Mail", exact: true })).toBeVisible();
  await page.getByRole("button", { name: `Send again to ${to}` }).click();
  await expect(page.getByRole("status")).toContainText("Queued");
  const [mail] = await waitForEmails(request, to, { subject: /Confirm your signature/ });
  expect(mail.text).toMatch(/\/verify\/[A-Za-z0-9_-]{43}/);
  await page.reload();
  await expect(page.getByText(to)).toHaveCount(0);
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-entry").filter({ hasText: "email.send_again" }).first()).toBeVisible();
});

test("a moderator has no Mail page and no link to it", async ({ page, request }) => {
  await signInAs(page, request, addStaff("moderator"));
  await expect(page.getByRole("link", { name: "Mail" })).toHaveCount(0);
  expect((await page.goto("/admin/mail"))?.status()).toBe(403);
});
