// Signs in to /admin through the local mailbox and screenshots the moderation pages.
// Usage: ADMIN_EMAILS=admin@example.org npm start, then
//        node --import tsx scripts/screenshot-admin.ts [baseUrl] [outDir] [adminEmail] [letterSlug]
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "../e2e/chromium";

const [base = "http://localhost:3000", out = "screenshots", email = "admin@example.org", slug = "iti-statement-on-encryption"] =
  process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${base}/admin/sign-in`);
await page.getByLabel("Email").fill(email);
await page.getByRole("button", { name: "Email me a sign-in link" }).click();
await page.getByRole("heading", { name: "Check your email" }).waitFor();
await page.waitForTimeout(1500);
// The local mailbox never shows sign-in links; this operator script reads the outbox.
const db = new Database(path.resolve("data/open-letters.db"), { readonly: true });
const row = db.prepare("SELECT text FROM OutboxEmail WHERE template = 'admin-sign-in' AND \"to\" = ? ORDER BY createdAt DESC").get(email) as { text: string };
db.close();
await page.goto(row.text.match(/https?:\/\/\S+\/api\/auth\/callback\/resend\?\S+/)![0]);
const pages = ["/admin/queue", `/admin/letters/${slug}/signatures`, `/admin/letters/${slug}/signatures?flagged=1&bulk=1`, "/admin/letters",
  `/admin/letters/${slug}/edit`, "/admin/people", "/admin/audit", `/admin/letters/${slug}/export-options`];
for (const [label, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]] as const) {
  await page.setViewportSize(viewport);
  for (const p of pages) {
    await page.goto(base + p);
    const file = path.join(out, `${label}${p.replace(/[^a-z0-9]+/gi, "_")}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
}
await browser.close();
