import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { signInAs, addStaff } from "./admin-support";
import { sql } from "./db";
import { confirmLink, counts, createLetter, emailsTo, fillSignForm, uniqueEmail, waitForEmails } from "./support";

// Item 4 of issue 12, as the people involved see it: an admin blocks a domain, a signer
// from it signs through the form and sees the usual page, and is sent nothing and never
// counted; a moderator sees the signature as fraud with the entry that caught it.

test("an admin blocks a domain; its signer sees the usual page, gets no email, is never counted, and moderators see why", async ({ page, request, browser }) => {
  const id = crypto.randomUUID().slice(0, 8);
  const domain = `wave-${id}.example`;
  const reason = `spam wave ${id}`;

  await signInAs(page, request, addStaff("admin", "blocker"));
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Moderation" }).getByRole("link", { name: "Blocks" }).click();
  await expect(page.getByRole("heading", { name: "Blocks", level: 1 })).toBeVisible();
  const domains = page.getByTestId("block-list-domain");

  // Bad syntax gets a field error, and nothing is added.
  await domains.getByRole("textbox", { name: "Domain", exact: true }).fill("not a domain");
  await domains.getByRole("textbox", { name: "Reason", exact: true }).fill(reason);
  await domains.getByRole("button", { name: "Add" }).click();
  await expect(domains.getByRole("textbox", { name: "Domain", exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(domains).toContainText("not a domain is not a domain.");
  await expect(domains.getByTestId("block-rule").filter({ hasText: reason })).toHaveCount(0);

  await domains.getByRole("textbox", { name: "Domain", exact: true }).fill(`*.${domain.toUpperCase()}`);
  await domains.getByRole("button", { name: "Add" }).click();
  const entry = domains.getByTestId("block-rule").filter({ hasText: `*.${domain}` });
  await expect(entry).toContainText(reason);
  await expect(entry).toContainText(/Added by blocker-\w+@letters\.test on/);
  await expect(domains.getByRole("textbox", { name: "Domain", exact: true })).toHaveValue("");

  // A second entry for the same domain is refused as a field error.
  await domains.getByRole("textbox", { name: "Domain", exact: true }).fill(`*.${domain}`);
  await domains.getByRole("textbox", { name: "Reason", exact: true }).fill("again");
  await domains.getByRole("button", { name: "Add" }).click();
  await expect(domains).toContainText(`*.${domain} is already on this list.`);

  // The blocked signer, and after them one who is not.
  const letter = createLetter();
  const blocked = `someone-${id}@mail.${domain}`;
  const later = uniqueEmail("later");
  const signer = await browser.newPage();
  for (const [email, name] of [[blocked, "Blocked Signer"], [later, "Later Signer"]]) {
    await signer.goto(`/letters/${letter.slug}`);
    await fillSignForm(signer, { name, email, country: "PT" });
    await signer.getByRole("button", { name: "Sign the letter" }).click();
    await expect(signer.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expect(signer.getByTestId("signed-email")).toHaveText(email);
  }

  // The outbox sends in order: once the later signer's email is out, any for the blocked one would be too.
  const [mail] = await waitForEmails(request, later, { subject: /Confirm your signature/ });
  expect(await emailsTo(request, blocked)).toEqual([]);
  expect(sql(`SELECT "id" FROM "OutboxEmail" WHERE "to" = ?`, [blocked])).toEqual([]);

  await signer.goto(confirmLink(mail));
  await signer.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(signer.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
  await expect.poll(async () => (await counts(request, letter.slug)).total, { timeout: 6_000 }).toBe(1);
  await signer.close();

  // A moderator finds it under "fraud", with the rule and its reason.
  const moderator = await browser.newPage();
  await signInAs(moderator, request, addStaff("moderator"));
  await moderator.goto(`/admin/letters/${letter.slug}/signatures?status=fraud`);
  await expect(moderator.getByTestId("match-count")).toContainText("1 signature match");
  const row = moderator.getByTestId("signature-row");
  await expect(row).toContainText(blocked);
  await expect(row).toContainText("fraud");
  await expect(row).toContainText("On a block list");
  await expect(row.getByTestId("moderation-reason")).toHaveText(`Blocked domain *.${domain}: ${reason}`);
  // Moderators do not manage the lists.
  await expect(moderator.getByRole("link", { name: "Blocks" })).toHaveCount(0);
  expect((await moderator.request.get("/admin/blocks", { maxRedirects: 0 })).status()).toBe(403);
  expect((await counts(request, letter.slug)).total).toBe(1);

  // The admin takes the entry off the list; the audit log has both, with the reason.
  await entry.getByRole("button", { name: `Remove *.${domain} from blocked domains` }).click();
  await expect(entry).toHaveCount(0);
  await page.goto("/admin/audit?action=block.add");
  await expect(page.getByTestId("audit-entry").filter({ hasText: `*.${domain}` })).toContainText(reason);
  await page.goto("/admin/audit?action=block.remove");
  await expect(page.getByTestId("audit-entry").filter({ hasText: `*.${domain}` })).toHaveCount(1);
});
