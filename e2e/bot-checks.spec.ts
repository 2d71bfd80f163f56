import { expect, test, type Page } from "@playwright/test";
import { sql } from "./db";
import { confirmLink, counts, createLetter, emailsTo, fillSignForm, signViaApi, uniqueEmail, waitForEmails, type TestLetter } from "./support";

// The bot checks seen from outside: a filled honeypot, a form sent too fast, and a letter
// that asks for a proof of work all get the normal "check your email" answer, and what
// failed a check is never counted and sent no email. "No email" is proved by a later,
// normal signer's email arriving first: the outbox sends in order.

function signaturesOf(email: string) {
  return sql<{ status: string; flags: string }>(`SELECT "status", "flags" FROM "Signature" WHERE "email" = ?`, [email]);
}

function askForProofOfWork(letter: TestLetter) {
  sql(`UPDATE "Letter" SET "proofOfWork" = 'on' WHERE "id" = ?`, [letter.id]);
}

async function checkEmailPage(page: Page, letter: TestLetter) {
  await expect(page).toHaveURL(new RegExp(`/letters/${letter.slug}/check-email$`));
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

/** A person signs and confirms from the emailed link. */
async function signAndConfirm(page: Page, letter: TestLetter, email: string) {
  await page.goto(`/letters/${letter.slug}`);
  await fillSignForm(page, { name: "Real Person", email, country: "PT" });
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await checkEmailPage(page, letter);
  const [mail] = await waitForEmails(page.request, email, { subject: /Confirm your signature/ });
  await page.goto(confirmLink(mail));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
}

test("a filled honeypot and a form sent too fast get the normal answer, no email and no count", async ({ page, request }) => {
  const letter = createLetter();
  const trapped = uniqueEmail("honeypot");
  const hasty = uniqueEmail("hasty");

  await page.goto(`/letters/${letter.slug}`);
  await fillSignForm(page, { name: "Form Filler", email: trapped, country: "FR" });
  // What a script that fills every field does; people never see or reach it.
  await page.locator('input[name="reference"]').fill("REF-1234");
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await checkEmailPage(page, letter);

  await page.goto(`/letters/${letter.slug}`);
  await expect(page.locator("form[data-shown-at]")).toBeAttached(); // the form runs, so it times itself
  await fillSignForm(page, { name: "Quick Script", email: hasty, country: "FR" }, { waitOutFillTime: false });
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await checkEmailPage(page, letter);

  await signAndConfirm(page, letter, uniqueEmail("person"));
  await expect.poll(async () => (await counts(request, letter.slug)).total, { timeout: 6_000 }).toBe(1);
  expect(await emailsTo(request, trapped)).toEqual([]);
  expect(await emailsTo(request, hasty)).toEqual([]);
  expect(signaturesOf(trapped)).toEqual([{ status: "fraud", flags: "honeypot" }]);
  expect(signaturesOf(hasty)).toEqual([{ status: "fraud", flags: "too_fast" }]);
});

test("a person refused for sending too fast who signs again at their own pace is sent the link, and counts", async ({ page, request }) => {
  const letter = createLetter();
  const email = uniqueEmail("autofill");
  await page.goto(`/letters/${letter.slug}`);
  await expect(page.locator("form[data-shown-at]")).toBeAttached();
  // A browser's autofill and a quick click: under the minimum fill time.
  await fillSignForm(page, { name: "Quick Person", email, country: "IE" }, { waitOutFillTime: false });
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await checkEmailPage(page, letter);
  expect(signaturesOf(email)).toEqual([{ status: "fraud", flags: "too_fast" }]);

  // No email comes, so they try again.
  await signAndConfirm(page, letter, email);
  await expect.poll(async () => (await counts(request, letter.slug)).total, { timeout: 6_000 }).toBe(1);
  expect(signaturesOf(email)).toEqual([{ status: "counted", flags: "" }]);
});

test("on a letter asking for a proof of work, the browser passes it; a signing without it, or with it replayed, is refused quietly", async ({ page, request }) => {
  const letter = createLetter();
  askForProofOfWork(letter);
  const person = uniqueEmail("person");
  const bare = uniqueEmail("no-proof");
  const replayer = uniqueEmail("replay");

  // The proof the browser solved and sent with the form, read off the wire.
  let sentProof: string | null = null;
  page.on("request", (sent) => {
    const body = sent.method() === "POST" ? sent.postData() : null;
    const proof = body?.match(/name="(?:_\d+_)?proofOfWork"\r\n\r\n([A-Za-z0-9+/=]+)\r\n/)?.[1];
    if (proof) sentProof = proof;
  });

  const withoutProof = await signViaApi(request, letter.slug, { kind: "individual", name: "No Proof", email: bare, country: "DE", listPublicly: false, consent: true });
  expect(withoutProof.status()).toBe(202);

  await signAndConfirm(page, letter, person);
  expect(sentProof).not.toBeNull();
  const replayed = await signViaApi(request, letter.slug, {
    kind: "individual", name: "Replayer", email: replayer, country: "DE", listPublicly: false, consent: true, proofOfWork: sentProof,
  });
  expect(replayed.status()).toBe(202);
  expect(await replayed.json()).toEqual({ status: "pending_verification" });

  // The replay's email would come after this one.
  const later = uniqueEmail("later");
  await page.goto(`/letters/${letter.slug}`);
  await fillSignForm(page, { name: "Later Person", email: later, country: "PT" });
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await checkEmailPage(page, letter);
  await waitForEmails(request, later, { subject: /Confirm your signature/ });

  expect(await emailsTo(request, bare)).toEqual([]);
  expect(await emailsTo(request, replayer)).toEqual([]);
  expect(signaturesOf(person)).toEqual([{ status: "counted", flags: "" }]);
  expect(signaturesOf(bare)).toEqual([{ status: "fraud", flags: "no_proof_of_work" }]);
  expect(signaturesOf(replayer)).toEqual([{ status: "fraud", flags: "no_proof_of_work" }]);
  expect((await counts(request, letter.slug)).total).toBe(1);
});
