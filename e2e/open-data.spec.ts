import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { DATA_LICENCE } from "../lib/export/data-licence";
import { expectNoViolations } from "./a11y-support";
import { insertCountedSignatures } from "./admin-support";
import { flag, sql, timestamp } from "./db";
import { createLetter, uniqueEmail, type TestLetter } from "./support";

// Issue 14, item 5: the letter page's "Data" section links every public feed of the
// letter (its counts, its list, its history, the feed of organisations) with their licence.

const ORGANISATION = `Bread & Roses <"Co-op"> ${crypto.randomUUID().slice(0, 6)}`;

/** A counted, listed organisation, written as the sign flow would leave it. */
function insertOrganisation(letter: TestLetter, organizationName: string, email: string) {
  const now = timestamp();
  sql(
    `INSERT INTO "Signature" ("id", "letterId", "kind", "name", "email", "emailCanonical", "emailDomain", "country", "organizationName",
      "website", "listPublicly", "status", "consentAt", "createdAt", "updatedAt", "confirmedAt", "countedAt")
     VALUES (?, ?, 'organization', 'Private Contact', ?, ?, 'example.org', 'DE', ?, 'https://bread.example', ?, 'counted', ?, ?, ?, ?, ?)`,
    [`e2e${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`, letter.id, email, email, organizationName, flag(true), now, now, now, now, now],
  );
}

const CONTENT_TYPES: Record<string, string> = {
  JSON: "application/json",
  CSV: "text/csv",
  Atom: "application/atom+xml",
};

test("the Data section links each feed, and each answers with its format, its licence said", async ({ page }) => {
  const letter = createLetter();
  const emails = [uniqueEmail("listed"), uniqueEmail("organisation")];
  insertCountedSignatures(letter.id, [{ name: "Listed Synthetic Signer", email: emails[0] }]);
  insertOrganisation(letter, ORGANISATION, emails[1]);

  await page.goto(`/letters/${letter.slug}`);
  const data = page.getByRole("region", { name: "Data" });
  await expect(data.getByRole("link", { name: DATA_LICENCE.name })).toHaveAttribute("href", DATA_LICENCE.url);
  const feeds = await data.getByRole("listitem").evaluateAll((items) =>
    items.map((item) => ({ href: item.querySelector("a")!.getAttribute("href")!, format: item.querySelector("span")!.textContent! })),
  );
  expect(feeds.map((feed) => feed.href)).toEqual([
    `/api/letters/${letter.slug}/counts`,
    `/api/letters/${letter.slug}/signatures`,
    `/letters/${letter.slug}/signatories.csv`,
    `/api/letters/${letter.slug}/history`,
    `/api/letters/${letter.slug}/history.csv`,
    `/letters/${letter.slug}/organizations.atom`,
  ]);
  for (const { href, format } of feeds) {
    const response = await page.request.get(href);
    expect(response.status(), href).toBe(200);
    expect(response.headers()["content-type"], href).toContain(CONTENT_TYPES[format]);
    const body = await response.text();
    for (const email of emails) expect(body, href).not.toContain(email);
  }

  // The feed is XML a strict parser reads, and the organisation's name comes back as it was written.
  const atom = await (await page.request.get(`/letters/${letter.slug}/organizations.atom`)).text();
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    return {
      error: doc.getElementsByTagName("parsererror").length > 0,
      titles: [...doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")].map((e) => e.getElementsByTagName("title")[0].textContent),
    };
  }, atom);
  expect(parsed).toEqual({ error: false, titles: [ORGANISATION] });
  expect(atom).not.toContain("Private Contact");

  const csv = await (await page.request.get(`/api/letters/${letter.slug}/history.csv`)).text();
  const today = new Date().toISOString().slice(0, 10);
  expect(csv).toBe(`date,country,country_name,individuals,organizations,total\r\n${today},DE,Germany,0,1,1\r\n${today},FR,France,1,0,1\r\n`);
});

test("the letter page names its feed of organisations in its head", async ({ page }) => {
  const letter = createLetter();
  await page.goto(`/letters/${letter.slug}?lang=fr`);
  const feed = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(feed).toHaveAttribute("href", new RegExp(`/letters/${letter.slug}/organizations\\.atom$`));
  await expect(feed).toHaveAttribute("title", `${letter.title} : les organisations signataires`);
});

test("the history CSV and the feed are 404 for an unknown letter and for a draft", async ({ request }) => {
  const draft = createLetter({ status: "draft" });
  for (const slug of ["no-such-letter", draft.slug]) {
    for (const path of [`/api/letters/${slug}/history.csv`, `/letters/${slug}/organizations.atom`]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect((await response.json()).error.code, path).toBe("letter_not_found");
    }
  }
});

test("the letter page with its Data section passes axe, in English and in Arabic", async ({ page }) => {
  const letter = createLetter();
  for (const language of ["en", "ar"]) {
    await page.goto(`/letters/${letter.slug}?lang=${language}`);
    await expect(page.getByTestId("open-data")).toBeVisible();
    await expectNoViolations(page, `the letter page in ${language}`);
  }
});
