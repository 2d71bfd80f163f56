import { expect, test } from "@playwright/test";
import { confirmLink, counts, createLetter, fillSignForm, uniqueEmail, waitForEmails } from "./support";

test("signing twice: a repeat resends the link, a duplicate after confirming gets 'already signed', the count stays", async ({ page, request }) => {
  const letter = createLetter();
  const local = `dup-${Date.now().toString(36)}`;
  const email = `${local}@example.org`;

  const sign = async (address: string) => {
    await page.goto(`/letters/${letter.slug}`);
    await fillSignForm(page, { name: "Dee Duplicate", email: address, country: "BE" });
    await page.getByRole("button", { name: "Sign the letter" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    // The browser sees the same answer whatever happened.
    await expect(page.getByTestId("signed-email")).toHaveText(address);
  };

  await sign(email);
  await sign(email.toUpperCase().replace("@EXAMPLE.ORG", "@example.org")); // same mailbox, other case
  // Both went out (the stand-in matches addresses regardless of case): one link each.
  const links = await waitForEmails(request, email, { count: 2, subject: /Confirm your signature/ });
  expect(links).toHaveLength(2);

  await page.goto(confirmLink(links[0]));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
  await expect.poll(async () => (await counts(request, letter.slug)).total, { timeout: 6_000 }).toBe(1);

  // A +tag variant is the same person: "already signed", and nothing more counts.
  const tagged = `${local}+again@example.org`;
  await sign(tagged);
  const [already] = await waitForEmails(request, tagged, { subject: /already signed/ });
  expect(already.text).toContain(letter.title);
  expect((await waitForEmails(request, tagged)).some((m) => /Confirm your signature/.test(m.subject))).toBe(false);

  // The older link, sent before confirmation, confirms nothing more either.
  const otherLink = confirmLink(links[1]);
  await page.goto(otherLink);
  await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
  // The page offers nothing to press: a GET never confirms, so nothing more can count.
  await expect(page.getByRole("button", { name: "Confirm my signature" })).toHaveCount(0);
  expect((await counts(request, letter.slug)).total).toBe(1);
});

test("someone who knows a signer's address cannot change what the signer's link confirms: each link shows and publishes its own details", async ({ page, request }) => {
  const letter = createLetter();
  const email = uniqueEmail("owner");
  await page.goto(`/letters/${letter.slug}`);
  await fillSignForm(page, { name: "Dana Owner", email, country: "BE" });
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  // A stranger, before the owner confirms, through the API, with other details, and asking for updates.
  const stranger = { kind: "individual", name: "Mallory Planted", email, country: "DE", affiliation: "Planted Institute", listPublicly: false, consent: true, updates: true };
  expect((await request.post(`/api/letters/${letter.slug}/signatures`, { data: stranger })).status()).toBe(202);
  const mails = await waitForEmails(request, email, { count: 2, subject: /Confirm your signature/ });
  const ownersMail = mails.find((mail) => mail.text.includes("Hello Dana Owner,"))!;
  const strangersMail = mails.find((mail) => mail.text.includes("Hello Mallory Planted,"))!;

  await page.goto(confirmLink(strangersMail));
  const planted = page.getByTestId("submission");
  await expect(planted).toContainText("Mallory Planted");
  await expect(planted).toContainText("Germany");
  await expect(planted).toContainText("No: counted, but not listed by name");
  // Updates the owner did not ask for are shown before anyone confirms them.
  await expect(planted).toContainText("Tell me about this letter's progressYes: news of this letter by email now and then");

  await page.goto(confirmLink(ownersMail));
  const own = page.getByTestId("submission");
  await expect(own).toContainText("Dana Owner");
  await expect(own).toContainText("Belgium");
  await expect(own).toContainText("Yes: your name is shown among the signatories");
  await expect(own).not.toContainText("Mallory");
  await expect(own).toContainText("Tell me about this letter's progressNo");
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();

  await expect.poll(async () => (await counts(request, letter.slug)).countries.map((c: { country: string }) => c.country), { timeout: 6_000 }).toEqual(["BE"]);
  const listed = await (await request.get(`/api/letters/${letter.slug}/signatures`)).json();
  expect(listed.items.map((item: { name: string }) => item.name)).toEqual(["Dana Owner"]);
});

test("the API answers the same 202 for a new, a repeated and a duplicate signature", async ({ request }) => {
  const letter = createLetter();
  const email = uniqueEmail("same");
  const body = { kind: "individual", name: "Sam Same", email, country: "NL", listPublicly: false, consent: true };
  const answers = [];
  answers.push(await request.post(`/api/letters/${letter.slug}/signatures`, { data: body }));
  answers.push(await request.post(`/api/letters/${letter.slug}/signatures`, { data: body }));
  const link = confirmLink((await waitForEmails(request, email, { count: 2 }))[0]);
  const confirmPage = await request.get(link);
  expect(confirmPage.status()).toBe(200);
  answers.push(await request.post(`/api/letters/${letter.slug}/signatures`, { data: body }));
  for (const answer of answers) {
    expect(answer.status()).toBe(202);
    expect(await answer.json()).toEqual({ status: "pending_verification" });
  }
});
