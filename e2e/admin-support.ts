import crypto from "node:crypto";
import Database from "better-sqlite3";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_DATABASE } from "./config";
import { waitForEmails } from "./support";

export const ADMIN_EMAIL = "admin@letters.test";

/** Signs in through the real flow: the form, the email the stand-in received, its link. */
export async function signInAs(page: Page, request: APIRequestContext, email: string) {
  const before = (await waitForEmails(request, email, { count: 0 })).length;
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const mails = await waitForEmails(request, email, { count: before + 1, subject: /Sign in/ });
  const link = mails.at(-1)!.text.match(/https?:\/\/\S+\/api\/auth\/callback\/resend\?\S+/)?.[0];
  expect(link, "sign-in link in the email").toBeTruthy();
  await page.goto(link!);
  await expect(page).toHaveURL(/\/admin/);
}

/** A person an admin has added, straight into the e2e database. */
export function addStaff(role: "admin" | "moderator", label = role): string {
  const email = `${label}-${crypto.randomUUID().slice(0, 8)}@letters.test`;
  const now = new Date().toISOString().replace("Z", "+00:00");
  const db = new Database(E2E_DATABASE, { timeout: 10_000 });
  try {
    db.prepare("INSERT INTO User (id, email, role, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)").run(
      `u${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`, email, role, now, now,
    );
  } finally {
    db.close();
  }
  return email;
}
