import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { confirmLink, counts, createLetter, signViaApi, uniqueEmail, waitForEmails } from "./support";
import { sql, timestamp } from "./db";

test("a data request lists two letters, downloads them as JSON, and erases both", async ({ page, request }) => {
  const [first, second] = [createLetter(), createLetter()];
  const email = uniqueEmail("mydata");
  for (const [letter, country] of [[first, "SE"], [second, "FI"]] as const) {
    const answer = await signViaApi(request, letter.slug, { kind: "individual", name: "Mia Data", email, country, listPublicly: true, consent: true });
    expect(answer.status()).toBe(202);
  }
  const confirmations = await waitForEmails(request, email, { count: 2, subject: /Confirm your signature/ });
  for (const mail of confirmations) {
    await page.goto(confirmLink(mail));
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
  }
  await expect.poll(async () => (await counts(request, first.slug)).total + (await counts(request, second.slug)).total, { timeout: 6_000 }).toBe(2);

  // The footer leads to the form; a bad address gets a field error.
  await page.goto("/");
  await page.getByRole("link", { name: "Your data" }).click();
  await expect(page).toHaveURL(/\/my-data$/);
  const field = page.getByLabel("Your email address");
  await field.fill("not an address");
  await page.getByRole("button", { name: "Send me the link" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");

  await field.fill(email.toUpperCase());
  await field.press("Enter");
  await expect(page.getByTestId("sent")).toContainText("If this address has signed anything, we have sent it a link");
  const [mail] = await waitForEmails(request, email.toUpperCase(), { subject: /Your data/ });
  const link = mail.text.match(/https?:\/\/[^\s)]+\/my-data\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link).toBeTruthy();

  // An address that signed nothing is told the same.
  await page.goto("/my-data");
  await page.getByLabel("Your email address").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Send me the link" }).click();
  await expect(page.getByTestId("sent")).toContainText("If this address has signed anything, we have sent it a link");

  const response = await page.goto(link!);
  expect(response?.headers()["cache-control"]).toContain("no-store");
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  const list = page.getByTestId("signatures");
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list).toContainText(first.title);
  await expect(list).toContainText(second.title);
  await expect(list).toContainText("Sweden");
  await expect(list).toContainText("Finland");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data (JSON)" }).click()]);
  const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(data.signatures.map((s: { letter: { slug: string } }) => s.letter.slug).sort()).toEqual([first.slug, second.slug].sort());
  expect(data.signatures[0]).toMatchObject({ email, name: "Mia Data", status: "counted", flags: "" });
  expect(data.emails.length).toBeGreaterThanOrEqual(3);

  await page.getByRole("link", { name: "Erase everything…" }).click();
  await expect(page.getByRole("heading", { name: "Erase everything?" })).toBeVisible();
  await expect(page.getByText(/withdraws and deletes 2 signatures/)).toBeVisible();
  await page.getByRole("button", { name: "Yes, erase everything" }).click();
  await expect(page.getByTestId("erased")).toBeVisible();

  await expect.poll(async () => (await counts(request, first.slug)).total + (await counts(request, second.slug)).total, { timeout: 5_000 }).toBe(0);
  expect((await page.goto(link!))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
});

test("a data link older than an hour is a clear 410, and an unknown one a 404", async ({ page, request }) => {
  const letter = createLetter();
  const email = uniqueEmail("late");
  expect((await signViaApi(request, letter.slug, { kind: "individual", name: "Late Reader", email, country: "PL", listPublicly: false, consent: true })).status()).toBe(202);
  await page.goto("/my-data");
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("button", { name: "Send me the link" }).click();
  await expect(page.getByTestId("sent")).toBeVisible();
  const [mail] = await waitForEmails(request, email, { subject: /Your data/ });
  const link = mail.text.match(/https?:\/\/[^\s)]+\/my-data\/[A-Za-z0-9_-]{43}/)![0];
  expect((await page.goto(link))?.status()).toBe(200);

  sql(`UPDATE "DataRequestToken" SET "expiresAt" = ? WHERE "emailCanonical" = ?`, [timestamp(new Date("2020-01-01T00:00:00Z")), email]);
  expect((await page.goto(link))?.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  expect((await page.goto(`/my-data/${"B".repeat(43)}`))?.status()).toBe(404);
  const expired = await request.get(`${link}/export.json`);
  expect(expired.status()).toBe(410);
  // Even its error is not kept by a cache on the way, nor passed on in a Referer.
  expect(expired.headers()["cache-control"]).toBe("private, no-store");
  expect(expired.headers()["referrer-policy"]).toBe("no-referrer");
});
