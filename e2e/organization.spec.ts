import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { confirmLink, counts, createLetter, fillSignForm, waitForEmails } from "./support";

test("a confirmed organisation waits for review: not counted, not listed, told so by email", async ({ page, request }) => {
  const letter = createLetter();
  const id = crypto.randomUUID().slice(0, 8);
  const email = `press@org-${id}.example`;
  const organizationName = `Synthetic Privacy League ${id}`;

  await page.goto(`/letters/${letter.slug}`);
  await fillSignForm(page, {
    kind: "organization",
    organizationName,
    website: `org-${id}.example`,
    name: "Casey Contact",
    email,
    country: "DE",
  });
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByTestId("signed-email")).toHaveText(email);

  const [mail] = await waitForEmails(request, email, { subject: /Confirm your signature/ });
  expect(mail.text).toContain(organizationName);
  await page.goto(confirmLink(mail));
  await expect(page.getByText(`on behalf of ${organizationName}`)).toBeVisible();
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Confirmed: waiting for review" })).toBeVisible();

  const [review] = await waitForEmails(request, email, { subject: /waiting for review/ });
  expect(review.text).toContain(organizationName);

  await new Promise((r) => setTimeout(r, 2_500));
  expect(await counts(request, letter.slug)).toMatchObject({ total: 0, organizations: 0, countries: [] });
  await page.goto(`/letters/${letter.slug}`);
  await expect(page.getByTestId("organization-signatories")).not.toContainText(organizationName);
  const listed = await request.get(`/api/letters/${letter.slug}/signatures?kind=organization`);
  expect((await listed.json()).items).toEqual([]);
});

test("with auto-approval on, an organisation writing from its website's domain counts at confirmation", async ({ page, request }) => {
  const letter = createLetter({ autoApproveMatchingDomain: true });
  const id = crypto.randomUUID().slice(0, 8);
  const email = `office@mail.org-${id}.example`;
  const organizationName = `Synthetic Crypto Collective ${id}`;
  const response = await request.post(`/api/letters/${letter.slug}/signatures`, {
    data: { kind: "organization", name: "Morgan Contact", email, country: "BR", organizationName,
      website: `https://www.org-${id}.example/about`, listPublicly: true, consent: true },
  });
  expect(response.status()).toBe(202);
  await page.goto(confirmLink((await waitForEmails(request, email))[0]));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();

  await expect.poll(async () => (await counts(request, letter.slug)).organizations, { timeout: 6_000 }).toBe(1);
  const { items } = await (await request.get(`/api/letters/${letter.slug}/signatures?kind=organization`)).json();
  expect(items).toEqual([
    expect.objectContaining({ kind: "organization", name: organizationName, organizationName, country: "BR" }),
  ]);
  expect(JSON.stringify(items)).not.toContain("@");
  expect(JSON.stringify(items)).not.toContain("Morgan Contact");
});
