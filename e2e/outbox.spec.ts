import { expect, test } from "@playwright/test";
import { sql } from "./db";
import { STAND_IN_URL } from "./config";
import { createLetter, uniqueEmail, waitForEmails } from "./support";

test("when the provider answers 500, the outbox retries and the email still arrives once", async ({ request }) => {
  const letter = createLetter();
  const email = uniqueEmail("retry");
  await request.post(`${STAND_IN_URL}/__fail`, { data: { to: email, count: 2, status: 500 } });

  const response = await request.post(`/api/letters/${letter.slug}/signatures`, {
    data: { kind: "individual", name: "Ray Try", email, country: "CL", listPublicly: false, consent: true },
  });
  expect(response.status()).toBe(202);

  const mails = await waitForEmails(request, email, { subject: /Confirm your signature/ });
  const attempts = await (await request.get(`${STAND_IN_URL}/__requests?to=${encodeURIComponent(email)}`)).json();
  expect(attempts.map((a: { status: number }) => a.status)).toEqual([500, 500, 200]);
  // Every attempt carried an idempotency key of the outbox's (the first may be a batch's,
  // with other tests' messages; refused outright, nothing went, so each hand-over has its own).
  for (const attempt of attempts) expect(attempt.idempotencyKey).toMatch(/^outbox\//);
  // The outbox is done with it: marked sent, nothing left to try.
  await expect.poll(() => sql<{ status: string }>(`SELECT "status" FROM "OutboxEmail" WHERE "to" = ?`, [email]).map((row) => row.status)).toEqual(["sent"]);
  expect(mails).toHaveLength(1);
  expect(await (await request.get(`${STAND_IN_URL}/__emails?to=${encodeURIComponent(email)}`)).json()).toHaveLength(1);
});
