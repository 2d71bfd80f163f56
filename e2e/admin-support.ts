import crypto from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_DATABASE_URL, STAND_IN_URL } from "./config";
import { flag, sql, timestamp } from "./db";
import { emailsTo, waitForEmails } from "./support";

// Staff for the admin specs: people inserted straight into the e2e database, and signing
// in the way a person does, by the link the Resend stand-in received.

/** In ADMIN_EMAILS of the e2e server (e2e/serve.ts). */
export const ADMIN_EMAIL = "admin@letters.test";

/** A person allowed into /admin with a role, with an address of their own. */
export function addStaff(role: "admin" | "moderator", label: string = role, databaseUrl = E2E_DATABASE_URL): string {
  const email = `${label}-${crypto.randomUUID().slice(0, 8)}@letters.test`;
  const now = timestamp();
  sql(`INSERT INTO "User" ("id", "email", "role", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?)`, [
    `e2e${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`, email, role, now, now,
  ], databaseUrl);
  return email;
}

/** Signs in by the emailed link; `standInUrl` names the Resend stand-in the app mails through. */
export async function signInAs(page: Page, request: APIRequestContext, email: string, { standInUrl = STAND_IN_URL } = {}): Promise<void> {
  const subject = /Sign in/;
  const before = (await emailsTo(request, email, standInUrl)).filter((m) => subject.test(m.subject)).length;
  // Sign-in requests are limited per client address; every spec comes from 127.0.0.1, so
  // each sign-in says it comes from an address of its own (the app reads X-Forwarded-For).
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(1, 255)}` });
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in\/check-email/);
  await page.setExtraHTTPHeaders({});
  const mails = await waitForEmails(request, email, { count: before + 1, subject, standInUrl });
  const link = mails.at(-1)!.text.match(/https?:\/\/\S+\/api\/auth\/callback\/resend\?\S+/)?.[0];
  if (!link) throw new Error(`no sign-in link in: ${mails.at(-1)!.text}`);
  await page.goto(link);
  // Where the callback lands depends on how the host is named; being let in is what counts.
  await page.goto("/admin/letters");
  await expect(page).toHaveURL(/\/admin\/letters$/);
}

/** Counted signatures straight into the database (no counters: the export reads rows). */
export function insertCountedSignatures(letterId: string, rows: { name: string; email: string; listPublicly?: boolean }[]): void {
  const now = timestamp();
  for (const row of rows) {
    sql(
      `INSERT INTO "Signature" ("id", "letterId", "kind", "name", "email", "emailCanonical", "emailDomain", "country", "listPublicly",
        "status", "consentAt", "createdAt", "updatedAt", "confirmedAt", "countedAt")
       VALUES (?, ?, 'individual', ?, ?, ?, 'example.org', 'FR', ?, 'counted', ?, ?, ?, ?, ?)`,
      [`e2e${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`, letterId, row.name, row.email, row.email,
        flag(row.listPublicly !== false), now, now, now, now, now],
    );
  }
}

/** One column of the e2e database for a letter, to check what a refused request left alone. */
export function letterField(slug: string, field: "title" | "status"): string | undefined {
  return sql<{ value: string }>(`SELECT "${field}" AS "value" FROM "Letter" WHERE "slug" = ?`, [slug])[0]?.value;
}
