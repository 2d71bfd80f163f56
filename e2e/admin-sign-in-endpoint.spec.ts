import crypto from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN_EMAIL } from "./admin-support";
import { sql } from "./db";
import { waitForEmails } from "./support";

// Auth.js's own sign-in endpoint, asked directly rather than through the form: it spends
// the same per-client points, and refuses an identifier that is not an address before
// anything is stored.

const someAddress = () => `10.${crypto.randomInt(255)}.${crypto.randomInt(255)}.${crypto.randomInt(1, 255)}`;

async function askForLink(request: APIRequestContext, email: string, from: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf", { headers: { "X-Forwarded-For": from } })).json();
  return request.post("/api/auth/signin/resend", {
    headers: { "X-Forwarded-For": from },
    form: { email, csrfToken, callbackUrl: "/admin" },
    maxRedirects: 0,
  });
}

const tokensFor = (identifier: string) => Number(sql<{ n: number | string }>(`SELECT count(*) AS "n" FROM "VerificationToken" WHERE "identifier" = ?`, [identifier])[0].n);

test("the endpoint sends an allowed address its link, and limits each client like the form does", async ({ request }) => {
  const from = someAddress();
  const first = await askForLink(request, ADMIN_EMAIL, from);
  expect(first.status()).toBe(302);
  await waitForEmails(request, ADMIN_EMAIL, { subject: /Sign in/ });
  const statuses = [];
  for (let i = 0; i < 10; i++) statuses.push((await askForLink(request, `stranger-${i}@example.org`, from)).status());
  expect(statuses.slice(0, 9)).toEqual(Array(9).fill(302));
  expect(statuses[9]).toBe(429);
  // Another client is not held up.
  expect((await askForLink(request, "stranger@example.org", someAddress())).status()).toBe(302);
});

test("an identifier that is not an address of at most 254 characters is refused before a token is stored", async ({ request, page }) => {
  const long = `${"a".repeat(250)}@example.org`;
  for (const identifier of [long, "not-an-address", "<script>@x"]) {
    const answer = await askForLink(request, identifier, someAddress());
    expect(answer.status()).toBe(302);
    expect(answer.headers().location).toContain("error=");
    // Back to the form, saying what to fix, rather than Auth.js's error for a broken server.
    expect(answer.headers().location).toMatch(/\/admin\/sign-in\?error=invalid_email$/);
    expect(tokensFor(identifier.toLowerCase())).toBe(0);
  }
  await page.goto("/admin/sign-in?error=invalid_email");
  await expect(page.getByRole("alert").filter({ hasText: "Enter a valid email address" })).toBeVisible();
  // A well-formed address not allowed in gets the same answer as an allowed one, and a token nobody is sent.
  const stranger = `nobody-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const answer = await askForLink(request, stranger, someAddress());
  const allowed = await askForLink(request, ADMIN_EMAIL, someAddress());
  expect(answer.headers().location).toMatch(/verify-request/);
  expect(answer.headers().location).toBe(allowed.headers().location);
});
