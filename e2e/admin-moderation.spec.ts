import crypto from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_EMAIL, addStaff, signInAs } from "./admin-support";
import { sql } from "./db";
import { confirmLink, counts, createLetter, emailsTo, uniqueEmail, waitForEmails } from "./support";

async function confirmByLink(page: Page, link: string) {
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: /Thank you for signing|waiting for review/ })).toBeVisible();
}

const ADMIN_PATHS = ["/admin", "/admin/queue", "/admin/letters", "/admin/letters/x/signatures", "/admin/letters/x/edit",
  "/admin/people", "/admin/audit", "/admin/letters/x/export"];

test("an address that is not allowed is sent nothing and reaches no admin page or endpoint", async ({ page, request, browser }) => {
  const stranger = uniqueEmail("stranger");
  await page.goto("/admin/sign-in");
  await page.getByLabel("Email").fill(stranger);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.waitForTimeout(2_500);
  expect(await emailsTo(request, stranger)).toEqual([]);

  for (const path of ADMIN_PATHS) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect([307, 308, 401, 403], path).toContain(response.status());
    if (response.status() < 400) expect(response.headers().location, path).toContain("/admin/sign-in");
  }
  // A made-up session cookie gets past the early redirect but not the pages' own checks.
  const context = await browser.newContext();
  await context.addCookies([{ name: "authjs.session-token", value: "forged-token", url: page.url() }]);
  const forged = await context.newPage();
  for (const path of ADMIN_PATHS) {
    const response = await forged.request.get(path, { maxRedirects: 0 });
    expect([307, 308, 401, 403, 404], path).toContain(response.status());
    expect(await response.text(), path).not.toContain("Review queue");
  }
  await context.close();
});

test("an admin from ADMIN_EMAILS signs in by the emailed link and approves an organisation, which is then counted and listed", async ({ page, request }) => {
  const letter = createLetter();
  const id = crypto.randomUUID().slice(0, 8);
  const email = `office@org-${id}.example`;
  const organizationName = `Synthetic Encryption Alliance ${id}`;
  await request.post(`/api/letters/${letter.slug}/signatures`, {
    data: { kind: "organization", name: "Olu Contact", email, country: "NG", organizationName,
      website: `https://other-${id}.example`, listPublicly: true, consent: true },
  });
  await confirmByLink(page, confirmLink((await waitForEmails(request, email))[0]));
  expect((await counts(request, letter.slug)).organizations).toBe(0);

  await signInAs(page, request, ADMIN_EMAIL);
  await page.goto("/admin/queue");
  const card = page.getByTestId("queue-item").filter({ hasText: organizationName });
  await expect(card).toContainText("Email domain differs from website");
  await expect(card).toContainText(email);
  await card.getByRole("button", { name: "Approve" }).click();
  // Approved, it leaves the queue.
  await expect(card).toHaveCount(0);

  await expect.poll(async () => (await counts(request, letter.slug)).organizations, { timeout: 6_000 }).toBe(1);
  await page.goto(`/letters/${letter.slug}`);
  await expect(page.getByTestId("organization-signatories")).toContainText(organizationName);
});

test("a moderator rejects an individual with a reason; the count falls and the audit log records it", async ({ page, request }) => {
  const letter = createLetter();
  const email = uniqueEmail("spammy");
  await request.post(`/api/letters/${letter.slug}/signatures`, {
    data: { kind: "individual", name: "Rejected Person", email, country: "US", listPublicly: true, consent: true },
  });
  await confirmByLink(page, confirmLink((await waitForEmails(request, email))[0]));
  await expect.poll(async () => (await counts(request, letter.slug)).total, { timeout: 6_000 }).toBe(1);

  const moderator = addStaff("moderator");
  await signInAs(page, request, moderator);
  await page.goto(`/admin/letters/${letter.slug}/signatures?q=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("match-count")).toContainText("1 signature match");
  await page.getByLabel("Select Rejected Person").check();
  await page.getByLabel("With the selected rows").selectOption("reject");
  await page.getByRole("button", { name: "Apply to selection" }).click();
  await expect(page.getByRole("status")).toContainText("Give a reason");
  await page.getByLabel("Reason").fill("Not a real person");
  await page.getByRole("button", { name: "Apply to selection" }).click();
  await expect(page.getByRole("status")).toContainText("1 changed");

  await expect.poll(async () => (await counts(request, letter.slug)).total, { timeout: 6_000 }).toBe(0);
  const [entry] = sql(`SELECT "actorEmail", "action", "reason" FROM "AuditLog" WHERE "letterId" = ? ORDER BY "createdAt" DESC`, [letter.id]);
  expect(entry).toEqual({ actorEmail: moderator, action: "signature.reject", reason: "Not a real person" });
});

test("acting on everything matching a filter says how many rows will change first", async ({ page, request }) => {
  const letter = createLetter();
  const domain = `flood-${crypto.randomUUID().slice(0, 6)}.example`;
  for (const n of [1, 2, 3]) {
    const email = `bot${n}@${domain}`;
    await request.post(`/api/letters/${letter.slug}/signatures`, {
      data: { kind: "individual", name: `Bot Number ${n}`, email, country: "RU", listPublicly: true, consent: true },
    });
    await confirmByLink(page, confirmLink((await waitForEmails(request, email))[0]));
  }
  await expect.poll(async () => (await counts(request, letter.slug)).total, { timeout: 6_000 }).toBe(3);

  await signInAs(page, request, addStaff("moderator"));
  await page.goto(`/admin/letters/${letter.slug}/signatures?q=@${domain}`);
  await page.getByRole("link", { name: "Act on everything matching this filter…" }).click();
  await expect(page.getByTestId("bulk-count")).toContainText("all 3 signatures");
  const bulk = page.getByRole("form", { name: "Act on every matching signature" });
  await bulk.getByLabel("Action").selectOption("hide");
  await bulk.getByRole("button", { name: "Confirm: change 3" }).click();
  await expect(bulk.getByRole("status")).toContainText("3 changed");
  await expect.poll(async () => (await counts(request, letter.slug)).total, { timeout: 6_000 }).toBe(0);
});

test("signing out ends the session on the server", async ({ page, request, browser }) => {
  await signInAs(page, request, addStaff("moderator"));
  const cookies = await page.context().cookies();
  await page.goto("/admin/queue");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);

  const context = await browser.newContext();
  await context.addCookies(cookies);
  const replay = await context.newPage();
  await replay.goto("/admin/queue");
  await expect(replay).toHaveURL(/\/admin\/sign-in/);
  await context.close();
});

test("a reader reports a listed signature; it reaches the moderators' queue flagged as reported", async ({ page, request }) => {
  const letter = createLetter();
  const email = uniqueEmail("reported");
  const name = `Reported Signer ${crypto.randomUUID().slice(0, 6)}`;
  await request.post(`/api/letters/${letter.slug}/signatures`, {
    data: { kind: "individual", name, email, country: "AR", listPublicly: true, consent: true },
  });
  await confirmByLink(page, confirmLink((await waitForEmails(request, email))[0]));

  // The page may take a moment to list the new signer; the link is clicked once it is
  // there (a click inside the retry could start a navigation the next try interrupts).
  const report = page.getByRole("link", { name: `Report the signature of ${name}` });
  await expect(async () => {
    await page.goto(`/letters/${letter.slug}`);
    await expect(report).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await report.click();
  await page.getByRole("button", { name: "Send the report" }).click();
  await expect(page.locator("#report-error")).toContainText("Choose what is wrong.");
  await page.getByLabel("Not a real person or organisation").check();
  await page.getByRole("button", { name: "Send the report" }).click();
  await expect(page.getByRole("heading", { name: "Thank you" })).toBeVisible();

  await signInAs(page, request, addStaff("moderator"));
  await page.goto("/admin/queue");
  const card = page.getByTestId("queue-item").filter({ hasText: name });
  await expect(card).toContainText("Reported by a reader");
  expect((await counts(request, letter.slug)).total).toBe(1);
});
