import http from "node:http";
import { expect, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { sql, timestamp } from "./db";
import { confirmLink, uniqueEmail, waitForEmails } from "./support";

// Fixtures for the embed and sharing specs: counted signatures written straight into
// the counters (for numbers too large to sign one by one), a real sign-and-confirm, and
// a host page on another origin.

/** Adds `count` counted signatures for a country and kind to the counters and the day's history. */
export function addToCounters(letterId: string, { country, kind = "individual", count, day }: { country: string; kind?: string; count: number; day?: string }) {
  const now = timestamp();
  sql(
    `INSERT INTO "CountShard" ("letterId", "country", "kind", "shard", "count", "updatedAt") VALUES (?, ?, ?, 0, ?, ?)
     ON CONFLICT ("letterId", "country", "kind", "shard")
     DO UPDATE SET "count" = "CountShard"."count" + excluded."count", "updatedAt" = excluded."updatedAt"`,
    [letterId, country, kind, count, now],
  );
  sql(
    `INSERT INTO "DailyCount" ("letterId", "day", "kind", "count", "updatedAt") VALUES (?, ?, ?, ?, ?)
     ON CONFLICT ("letterId", "day", "kind")
     DO UPDATE SET "count" = "DailyCount"."count" + excluded."count", "updatedAt" = excluded."updatedAt"`,
    [letterId, day ?? now.slice(0, 10), kind, count, now],
  );
}

/** Signs through the JSON API and confirms through the emailed link, in a page of its own. */
export async function signAndConfirm(context: BrowserContext, request: APIRequestContext, slug: string, country = "FR", language?: string) {
  const email = uniqueEmail("widget");
  const response = await request.post(`/api/letters/${slug}/signatures`, {
    headers: language ? { "Accept-Language": language } : {},
    data: { kind: "individual", name: "Wid Get", email, country, listPublicly: false, consent: true },
  });
  expect(response.status()).toBe(202);
  const page = await context.newPage();
  await page.goto(confirmLink((await waitForEmails(request, email))[0]));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
  await page.close();
  return email;
}

/** Serves one HTML page from 127.0.0.1 on a port of its own: another origin than the app's. */
export async function hostPage(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((done) => server.close(() => done())) };
}
