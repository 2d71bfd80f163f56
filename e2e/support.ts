import crypto from "node:crypto";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { MIN_FILL_MS } from "../lib/validation/signing-checks";
import { E2E_DATABASE_URL, STAND_IN_URL } from "./config";
import { flag, sql, timestamp } from "./db";
import type { ReceivedEmail } from "./resend-stand-in";

// Fixtures that give every spec its own letters and signers, so specs run in parallel.

export interface TestLetter {
  id: string;
  slug: string;
  title: string;
}

export function createLetter(
  overrides: Partial<{ status: string; autoApproveMatchingDomain: boolean; allowIndividuals: boolean; goal: number }> = {},
  databaseUrl = E2E_DATABASE_URL,
): TestLetter {
  const id = `e2e${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const slug = `e2e-letter-${id.slice(3, 13)}`;
  const title = `Synthetic test letter ${id.slice(3, 9)}`;
  const now = timestamp();
  sql(
    `INSERT INTO "Letter" ("id", "slug", "title", "summary", "body", "kind", "status", "addressedTo", "allowIndividuals",
      "allowOrganizations", "autoApproveMatchingDomain", "goal", "publishedAt", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, 'open_letter', ?, 'Test readers', ?, true, ?, ?, ?, ?, ?)`,
    [
      id, slug, title, "A synthetic letter made by a test.", "## For a test\n\nThis letter exists only for an automated test.",
      overrides.status ?? "open", flag(overrides.allowIndividuals !== false), flag(overrides.autoApproveMatchingDomain === true),
      overrides.goal ?? 100, now, now, now,
    ],
    databaseUrl,
  );
  return { id, slug, title };
}

export const uniqueEmail = (label = "signer") => `${label}-${crypto.randomUUID().slice(0, 8)}@example.org`;

export async function emailsTo(request: APIRequestContext, to: string, standInUrl = STAND_IN_URL): Promise<ReceivedEmail[]> {
  const response = await request.get(`${standInUrl}/__emails?to=${encodeURIComponent(to)}`);
  return response.json();
}

/** Waits until the stand-in has received `count` emails for the address (a subject filter is optional). */
export async function waitForEmails(
  request: APIRequestContext,
  to: string,
  { count = 1, subject, standInUrl }: { count?: number; subject?: RegExp; standInUrl?: string } = {},
): Promise<ReceivedEmail[]> {
  let found: ReceivedEmail[] = [];
  await expect
    .poll(async () => {
      found = (await emailsTo(request, to, standInUrl)).filter((e) => !subject || subject.test(e.subject));
      return found.length;
    }, { timeout: 20_000, message: `waiting for ${count} email(s) to ${to}` })
    .toBeGreaterThanOrEqual(count);
  return found;
}

export function confirmLink(email: ReceivedEmail): string {
  const link = email.text.match(/https?:\/\/[^\s]+\/verify\/[A-Za-z0-9_-]{43}/)?.[0];
  if (!link) throw new Error(`no confirmation link in: ${email.text}`);
  return link;
}

export async function counts(request: APIRequestContext, slug: string) {
  const response = await request.get(`/api/letters/${slug}/counts`);
  expect(response.status()).toBe(200);
  return response.json();
}

export interface Signer {
  kind?: "individual" | "organization";
  name: string;
  email: string;
  country: string;
  organizationName?: string;
  website?: string;
  listPublicly?: boolean;
}

/** Fills the sign form as a person would, and waits out the minimum fill time unless told not to (a script's haste). */
export async function fillSignForm(page: Page, signer: Signer, { waitOutFillTime: wait = true } = {}) {
  if (signer.kind === "organization") await page.getByLabel("For an organisation").check();
  if (signer.organizationName !== undefined) await page.getByLabel("Organisation name").fill(signer.organizationName);
  if (signer.website !== undefined) await page.getByLabel("Organisation website").fill(signer.website);
  await page.getByLabel(signer.kind === "organization" ? "Your name (the contact)" : "Full name").fill(signer.name);
  await page.getByLabel(signer.kind === "organization" ? "Your email at the organisation" : "Email", { exact: true }).fill(signer.email);
  await page.getByLabel("Country", { exact: true }).selectOption(signer.country);
  if (signer.listPublicly ?? true) await page.getByLabel(/List (my name|our organisation's name) publicly/).check();
  await page.getByLabel(/I agree that my name/).check();
  if (wait) await waitOutFillTime(page);
}

/**
 * Waits until the sign form has been shown for the minimum fill time, as any person's
 * would have been: Playwright fills a form far faster than anyone types.
 */
export async function waitOutFillTime(page: Page) {
  await page.waitForFunction((min) => {
    const form = document.querySelector<HTMLFormElement>("form[data-shown-at]");
    return form !== null && performance.now() - Number(form.dataset.shownAt) >= min + 50;
  }, MIN_FILL_MS);
}

export async function signViaApi(request: APIRequestContext, slug: string, body: Record<string, unknown>) {
  return request.post(`/api/letters/${slug}/signatures`, { data: body });
}

/** Makes every confirmation link sent to an address older than its 7 days. */
export function expireLinksOf(email: string): void {
  sql(
    `UPDATE "ConfirmationToken" SET "expiresAt" = ?
     WHERE "signatureId" IN (SELECT "id" FROM "Signature" WHERE "email" = ?)`,
    [timestamp(new Date("2020-01-01T00:00:00Z")), email],
  );
}

/** Adds a published (or draft) translation to a test letter; do it before the letter's page is first read (it is kept in memory). */
export function addTranslation(letter: TestLetter, language: string, status: "published" | "draft" = "published", databaseUrl = E2E_DATABASE_URL) {
  const now = timestamp();
  const text = { title: `${letter.title} [${language}]`, summary: `Summary in ${language}.`, body: `Body text in ${language}.` };
  sql(
    `INSERT INTO "LetterTranslation" ("id", "letterId", "language", "title", "summary", "addressedTo", "body", "status", "translatedFrom", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'en', ?, ?)`,
    [`${letter.id}${language}`, letter.id, language, text.title, text.summary, `Readers (${language})`, text.body, status, now, now],
    databaseUrl,
  );
  return text;
}

/**
 * Whether the browser draws the last character of an element's text (a title's "!") to the
 * right of the letter before it (a line never breaks between them), as left-to-right text
 * is read: an English title in an Arabic sentence that does not run in its own direction
 * has its "!" drawn on the sentence's side of it.
 */
export async function lastMarkDrawnAfterItsLetter(element: Locator): Promise<boolean> {
  return element.evaluate((node) => {
    const text = node.firstChild as Text;
    const left = (index: number) => {
      const range = document.createRange();
      range.setStart(text, index);
      range.setEnd(text, index + 1);
      return range.getBoundingClientRect().left;
    };
    return left(text.length - 1) > left(text.length - 2);
  });
}
