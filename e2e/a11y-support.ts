import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { sql, timestamp } from "./db";
import { addToCounters } from "./embed-fixtures";

// Shared by the accessibility and keyboard specs: axe with the WCAG 2.2 A/AA rules at a
// phone's and a laptop's width, and letters filled so lists, maps and charts have data.

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 720 };

/** Runs axe on the page as it is now, at a phone's width and then a desktop's; fails with each rule, target and help. */
export async function expectNoViolations(page: Page, what: string, { exclude }: { exclude?: string } = {}) {
  // Next streams a dynamic page's metadata after its body: the page is whole once its title is in.
  await expect(page, `${what} has its title`).toHaveTitle(/\S/);
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    const builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
    // (A sandboxed frame, such as an email's preview, takes no script: axe would wait on it forever.)
    const { violations } = await (exclude ? builder.exclude(exclude) : builder).analyze();
    const found = violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(" ")}: ${v.help}. ${n.failureSummary?.replace(/\s+/g, " ") ?? ""}`),
    );
    expect(found, `axe on ${what} at ${viewport.width}x${viewport.height}`).toEqual([]);
  }
}

/** Every email template rendered as it is sent, by a script of its own (the templates import "server-only"). */
export function renderedEmails(): Record<string, string> {
  const root = path.resolve(import.meta.dirname, "..");
  const out = execFileSync(process.execPath, ["--import", "./scripts/server-only-hook.mjs", "--import", "tsx", "e2e/render-emails.ts"], {
    cwd: root,
    encoding: "utf8",
  });
  return JSON.parse(out);
}

export function letterId(slug: string): string {
  return sql<{ id: string }>(`SELECT "id" FROM "Letter" WHERE "slug" = ?`, [slug])[0].id;
}

const COUNTRIES = ["FR", "DE", "US", "BR", "KE", "IN", "JP", "AU", "SE", "CA"];

/**
 * Fills a letter with what its page shows: counts for ten countries over five days (both
 * kinds), and listed signatures of both kinds. Counters and rows are written directly.
 */
export function fillLetter(id: string) {
  COUNTRIES.forEach((country, i) => {
    for (let day = 0; day < 5; day++) {
      const date = new Date(Date.now() - (4 - day) * 86_400_000).toISOString().slice(0, 10);
      addToCounters(id, { country, count: (i + 1) * (day + 1), day: date });
    }
    addToCounters(id, { country, kind: "organization", count: i + 1 });
  });
  const now = timestamp();
  for (const [i, country] of COUNTRIES.entries()) {
    const organization = i % 2 === 0;
    sql(
      `INSERT INTO "Signature" ("id", "letterId", "kind", "name", "email", "emailCanonical", "emailDomain", "country", "listPublicly",
        "organizationName", "website", "title", "affiliation", "status", "consentAt", "createdAt", "updatedAt", "confirmedAt", "countedAt")
       VALUES (?, ?, ?, ?, ?, ?, 'example.org', ?, true, ?, ?, ?, ?, 'counted', ?, ?, ?, ?, ?)`,
      [
        `e2e${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`, id, organization ? "organization" : "individual",
        `Listed Signer ${i}`, `listed-${crypto.randomUUID().slice(0, 8)}@example.org`, `listed-${crypto.randomUUID().slice(0, 8)}@example.org`, country,
        organization ? `Example Organisation ${i}` : null, organization ? "https://example.org" : null,
        organization ? null : "Researcher", organization ? null : "Example University", now, now, now, now, now,
      ],
    );
  }
}

/** The total that fillLetter adds. */
export const FILLED_TOTAL = COUNTRIES.reduce((sum, _, i) => sum + (i + 1) * 15 + (i + 1), 0);
