import fs from "node:fs";
import crypto from "node:crypto";
import { expect, test, type Page, type Request } from "@playwright/test";
import { APP_URL } from "./config";
import { addStaff, insertCountedSignatures, letterField, signInAs } from "./admin-support";
import { sql } from "./db";
import { createLetter, uniqueEmail } from "./support";

// Each test signs in as an admin of its own: two tests signing in as one address at once
// could each open the other's single-use link.
const newAdmin = () => addStaff("admin");

test("an admin creates a letter, with errors shown before submitting, and sees it listed as a draft", async ({ page, request }) => {
  await signInAs(page, request, newAdmin());
  const slug = `admin-made-${crypto.randomUUID().slice(0, 8)}`;
  await page.goto("/admin/letters");
  await page.getByRole("link", { name: "New letter" }).click();
  await expect(page.getByRole("heading", { name: "New letter" })).toBeVisible();

  const posts: string[] = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
  await page.getByLabel("Page address").fill("Not A Slug");
  await page.getByLabel("Goal").fill("-3");
  await page.getByRole("button", { name: "Create letter" }).click();
  await expect(page.getByLabel("Title")).toHaveAccessibleDescription("Title is required.");
  await expect(page.getByLabel("Page address")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Page address")).toHaveAccessibleDescription(/Use lowercase letters, digits and single hyphens/);
  await expect(page.getByLabel("Goal")).toHaveAccessibleDescription("Goal must be more than 0.");
  expect(posts).toEqual([]);

  await page.getByLabel("Title").fill("Admin-made synthetic letter");
  await page.getByLabel("Page address").fill(slug);
  await page.getByLabel("Summary").fill("Made by an end-to-end test.");
  await page.getByLabel("Text (Markdown)").fill("## Heading for a test\n\nSome **bold** words.");
  await expect(page.getByTestId("letter-preview").getByRole("heading", { name: "Heading for a test" })).toBeVisible();
  await page.getByLabel("Goal").fill("500");
  await page.getByRole("button", { name: "Create letter" }).click();

  await expect(page).toHaveURL(/\/admin\/letters\?saved=/);
  const row = page.getByTestId(`letter-row-${slug}`);
  await expect(row).toContainText("Admin-made synthetic letter");
  await expect(row).toContainText("Draft");
  // A draft is for admins only: the public page does not exist, the preview does.
  expect((await request.get(`/letters/${slug}`)).status()).toBe(404);
  await row.getByRole("link", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Admin-made synthetic letter");

  // The same address again is a field error from the server.
  await page.goto("/admin/letters/new");
  await page.getByLabel("Title").fill("Second letter");
  await page.getByLabel("Page address").fill(slug);
  await page.getByLabel("Summary").fill("Duplicate address.");
  await page.getByLabel("Text (Markdown)").fill("Text.");
  await page.getByRole("button", { name: "Create letter" }).click();
  await expect(page.getByLabel("Page address")).toHaveAccessibleDescription(/Another letter already uses this address/);
});

/** Submits the letter editor with a new title and captures the server action's request without letting it through. */
async function captureEditAction(page: Page, slug: string): Promise<Request> {
  await page.goto(`/admin/letters/${slug}/edit`);
  let captured: Request | undefined;
  await page.route(`**/admin/letters/${slug}/edit`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    captured = route.request();
    await route.abort();
  });
  await page.getByLabel("Title").fill("Renamed by a moderator");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute(`**/admin/letters/${slug}/edit`);
  return captured!;
}

test("a moderator sees the letters but cannot open the editor (403) or call its action", async ({ browser, page, request }) => {
  const letter = createLetter();
  await signInAs(page, request, newAdmin());
  const action = await captureEditAction(page, letter.slug);
  expect(action.headers()["next-action"]).toBeTruthy();

  const moderator = await (await browser.newContext({ baseURL: APP_URL })).newPage();
  await signInAs(moderator, request, addStaff("moderator"));
  await moderator.goto("/admin/letters");
  const row = moderator.getByTestId(`letter-row-${letter.slug}`);
  await expect(row.getByRole("link", { name: "Export CSV" })).toBeVisible();
  await expect(row.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(moderator.getByRole("link", { name: "New letter" })).toHaveCount(0);

  for (const path of [`/admin/letters/${letter.slug}/edit`, "/admin/letters/new", `/admin/letters/${letter.slug}/preview`, "/admin/people", "/admin/audit"]) {
    const response = await moderator.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await expect(moderator.getByRole("heading", { name: "Not allowed" })).toBeVisible();

  // The admin's captured request, replayed with the moderator's session, is refused.
  const headers = Object.fromEntries(
    Object.entries(action.headers()).filter(([name]) => !["host", "cookie", "content-length"].includes(name)),
  );
  const replay = await moderator.request.post(action.url(), { headers: { ...headers, origin: APP_URL }, data: action.postDataBuffer()! });
  expect(await replay.text()).toContain("Your role does not allow this.");
  expect(letterField(letter.slug, "title")).toBe(letter.title);
});

test("pausing a letter in the editor hides the sign form and the API answers 409", async ({ page, request }) => {
  const letter = createLetter();
  await signInAs(page, request, newAdmin());
  await page.goto(`/admin/letters/${letter.slug}/edit`);
  await page.getByLabel("Status").selectOption("paused");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/admin\/letters\?saved=/);
  await expect(page.getByTestId(`letter-row-${letter.slug}`)).toContainText("Paused");

  await page.goto(`/letters/${letter.slug}`);
  await expect(page.getByRole("heading", { name: "Signing is closed" })).toBeVisible();
  await expect(page.getByText(/paused this letter/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign the letter" })).toHaveCount(0);
  const response = await request.post(`/api/letters/${letter.slug}/signatures`, {
    data: { kind: "individual", name: "Late Signer", email: uniqueEmail("late"), country: "FR", listPublicly: true, consent: true },
  });
  expect(response.status()).toBe(409);
  expect((await response.json()).error.code).toBe("letter_not_open");

  await page.goto("/admin/audit?action=letter.update");
  await expect(page.getByTestId("audit-entry").filter({ hasText: letter.slug }).first()).toContainText("paused");
});

test("closing a letter in the editor notes when, and sets the months after which its signers' emails are anonymised", async ({ page, request }) => {
  const letter = createLetter();
  await signInAs(page, request, newAdmin());
  await page.goto(`/admin/letters/${letter.slug}/edit`);
  const months = page.getByLabel("Anonymise signers' emails, in months after the letter closes");
  await expect(months).toHaveValue("6");
  await months.fill("121");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(months).toHaveAccessibleDescription(/Enter a whole number of months from 1 to 120\./);

  await months.fill("12");
  await page.getByLabel("Status").selectOption("closed");
  const before = Date.now();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/admin\/letters\?saved=/);
  const [saved] = sql<{ anonymizeAfterMonths: number; closedAt: string | null }>(
    `SELECT "anonymizeAfterMonths", "closedAt" FROM "Letter" WHERE "slug" = ?`, [letter.slug]);
  expect(saved.anonymizeAfterMonths).toBe(12);
  expect(new Date(saved.closedAt!).getTime()).toBeGreaterThanOrEqual(before - 1_000);
});

test("export: a CSV with a header row and no emails unless ticked, each export in the audit log", async ({ page, request }) => {
  const letter = createLetter();
  const signers = [
    { name: "=cmd|' /C calc'!A0", email: uniqueEmail("formula") },
    { name: "Zoë Ødegård", email: uniqueEmail("unicode"), listPublicly: false },
  ];
  insertCountedSignatures(letter.id, signers);
  const admin = newAdmin();
  await signInAs(page, request, admin);

  const download = async (emails: boolean) => {
    await page.goto("/admin/letters");
    await page.getByTestId(`letter-row-${letter.slug}`).getByRole("link", { name: "Export CSV" }).click();
    await expect(page.getByRole("heading", { name: "Export signatures" })).toBeVisible();
    if (emails) await page.getByLabel(/Include email addresses/).check();
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
    return fs.readFileSync((await file.path())!, "utf8").replace(/^\uFEFF/, "").split("\r\n");
  };

  const plain = await download(false);
  expect(plain[0]).toMatch(/^kind,name,title,/);
  expect(plain[0]).not.toContain("email");
  expect(plain).toHaveLength(4); // header, two rows, the empty string after the last CRLF
  expect(plain.join("\n")).not.toContain("@example.org");
  expect(plain.some((line) => line.startsWith("individual,'=cmd|"))).toBe(true);
  expect(plain.some((line) => line.startsWith("individual,Zoë Ødegård,"))).toBe(true);

  const withEmails = await download(true);
  expect(withEmails[0]).toMatch(/^kind,name,email,/);
  for (const signer of signers) expect(withEmails.join("\n")).toContain(signer.email);

  // The public CSV lists only the listed signatory, never an email.
  const open = await request.get(`/letters/${letter.slug}/signatories.csv`);
  expect(open.headers()["access-control-allow-origin"]).toBe("*");
  const publicText = await open.text();
  expect(publicText).toContain("'=cmd|");
  expect(publicText).not.toContain("Zoë");
  expect(publicText).not.toContain("@example.org");

  await page.goto(`/admin/audit?letter=${letter.slug}&action=export.csv`);
  const entries = page.getByTestId("audit-entry");
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText("includeEmails:true");
  await expect(entries.nth(1)).toContainText("includeEmails:false");
  await expect(entries.nth(0)).toContainText(admin);
});

test("people: ADMIN_EMAILS shown as such; an admin adds a moderator, makes them admin, disables them, all audited", async ({ page, request }) => {
  await signInAs(page, request, newAdmin());
  await page.goto("/admin/people");
  await expect(page.getByTestId("person-admin@letters.test")).toContainText("from ADMIN_EMAILS");

  const email = uniqueEmail("new-moderator");
  await page.getByLabel("Email").fill("not an email");
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription(/Enter a valid email address/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("moderator");
  await page.getByRole("button", { name: "Add person" }).click();
  const person = page.getByTestId(`person-${email}`);
  await expect(person).toContainText("moderator");
  await person.getByRole("button", { name: `Make admin: ${email}` }).click();
  await expect(person).toContainText("admin");
  await person.getByRole("button", { name: `Disable ${email}` }).click();
  await expect(person).toContainText("disabled");

  await page.goto("/admin/audit");
  for (const action of ["user.add", "user.role", "user.disable"]) {
    await expect(page.getByTestId("audit-entry").filter({ hasText: action }).filter({ hasText: email })).toHaveCount(1);
  }
});
