import crypto from "node:crypto";
import Database from "better-sqlite3";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_DATABASE } from "./config";
import { emailsTo, waitForEmails } from "./support";

// Staff for the admin specs: people inserted straight into the e2e database, and signing
// in the way a person does, by the link the Resend stand-in received.

/** In ADMIN_EMAILS of the e2e server (e2e/serve.ts). */
export const ADMIN_EMAIL = "admin@letters.test";

/** A person allowed into /admin with a role, with an address of their own. */
export function addStaff(role: "admin" | "moderator", label: string = role): string {
  const email = `${label}-${crypto.randomUUID().slice(0, 8)}@letters.test`;
  const now = new Date().toISOString().replace("Z", "+00:00");
  const db = new Database(E2E_DATABASE, { timeout: 10_000 });
  try {
    db.prepare("INSERT INTO User (id, email, role, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)").run(
      `e2e${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`, email, role, now, now,
    );
  } finally {
    db.close();
  }
  return email;
}

export async function signInAs(page: Page, request: APIRequestContext, email: string): Promise<void> {
  const subject = /Sign in/;
  const before = (await emailsTo(request, email)).filter((m) => subject.test(m.subject)).length;
  // Sign-in requests are limited per client address; every spec comes from 127.0.0.1, so
  // each sign-in says it comes from an address of its own (the app reads X-Forwarded-For).
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(1, 255)}` });
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in\/check-email/);
  await page.setExtraHTTPHeaders({});
  const mails = await waitForEmails(request, email, { count: before + 1, subject });
  const link = mails.at(-1)!.text.match(/https?:\/\/\S+\/api\/auth\/callback\/resend\?\S+/)?.[0];
  if (!link) throw new Error(`no sign-in link in: ${mails.at(-1)!.text}`);
  await page.goto(link);
  // Where the callback lands depends on how the host is named; being let in is what counts.
  await page.goto("/admin/letters");
  await expect(page).toHaveURL(/\/admin\/letters$/);
}

/** Counted signatures straight into the database (no counters: the export reads rows). */
export function insertCountedSignatures(letterId: string, rows: { name: string; email: string; listPublicly?: boolean }[]): void {
  const now = new Date().toISOString().replace("Z", "+00:00");
  const db = new Database(E2E_DATABASE, { timeout: 10_000 });
  try {
    const insert = db.prepare(
      `INSERT INTO Signature (id, letterId, kind, name, email, emailCanonical, emailDomain, country, listPublicly, status,
        consentAt, createdAt, updatedAt, confirmedAt, countedAt)
       VALUES (?, ?, 'individual', ?, ?, ?, 'example.org', 'FR', ?, 'counted', ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (const row of rows) {
        insert.run(`e2e${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`, letterId, row.name, row.email, row.email,
          row.listPublicly === false ? 0 : 1, now, now, now, now, now);
      }
    })();
  } finally {
    db.close();
  }
}

/** One column of the e2e database for a letter, to check what a refused request left alone. */
export function letterField(slug: string, field: "title" | "status"): string | undefined {
  const db = new Database(E2E_DATABASE, { readonly: true, timeout: 10_000 });
  try {
    return (db.prepare(`SELECT ${field} AS value FROM Letter WHERE slug = ?`).get(slug) as { value: string } | undefined)?.value;
  } finally {
    db.close();
  }
}
