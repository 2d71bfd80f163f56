import { expect, test } from "@playwright/test";
import { createLetter, emailsTo, uniqueEmail, waitOutFillTime } from "./support";

test("the form shows field errors before submitting, tied to their fields", async ({ page }) => {
  const letter = createLetter();
  await page.goto(`/letters/${letter.slug}`);
  const posts: string[] = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));

  await page.getByRole("button", { name: "Sign the letter" }).click();
  const summary = page.locator("#sign-summary");
  await expect(summary).toContainText("Some fields need fixing");
  await expect(summary).toBeFocused();
  const name = page.getByLabel("Full name");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription("Name is required.");
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Country", { exact: true })).toHaveAccessibleDescription("Choose a country from the list.");
  await expect(page.getByLabel(/I agree that my name/)).toHaveAccessibleDescription("Tick the box to agree before signing.");

  await name.fill("=HYPERLINK(\"http://evil.example\")");
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByLabel("Country", { exact: true }).focus();
  await expect(name).toHaveAccessibleDescription("Name cannot start with =, +, - or @.");
  await expect(page.getByLabel("Email", { exact: true })).toHaveAccessibleDescription(/Enter a valid email address/);

  await name.fill("Visit www.cheap-pills.com");
  await name.blur();
  await expect(name).toHaveAccessibleDescription("Name cannot contain a web address.");
  expect(posts).toEqual([]);

  // Fixing every field lets the form through; what was typed is kept until then.
  await name.fill("Valid Person");
  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail("valid"));
  await page.getByLabel("Country", { exact: true }).selectOption("KE");
  await page.getByLabel(/I agree that my name/).check();
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
});

test("an organisation needs its name and an http(s) website", async ({ page }) => {
  const letter = createLetter();
  await page.goto(`/letters/${letter.slug}`);
  await page.getByLabel("For an organisation").check();
  await page.getByLabel("Organisation website").fill("ftp://files.example.org");
  await page.getByRole("button", { name: "Sign the letter" }).click();
  await expect(page.getByLabel("Organisation name")).toHaveAccessibleDescription("Organisation name is required.");
  await expect(page.getByLabel("Organisation website")).toHaveAccessibleDescription(/http:\/\/ or https:\/\//);
});

test("the form is usable by keyboard alone", async ({ page, request }) => {
  const letter = createLetter();
  const email = uniqueEmail("keys");
  await page.goto(`/letters/${letter.slug}`);
  await page.getByLabel("As an individual").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Full name")).toBeFocused();
  await page.keyboard.type("Kay Board");
  await page.keyboard.press("Tab");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Country", { exact: true })).toBeFocused();
  await page.getByLabel("Country", { exact: true }).selectOption("JP");
  for (const label of ["Title or role", "Affiliation", "Comment"]) {
    await page.keyboard.press("Tab");
    await expect(page.getByLabel(label)).toBeFocused();
  }
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(page.getByLabel(/I agree that my name/)).toBeChecked();
  // The separate choice of updates comes next, and stays unticked unless chosen.
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Tell me about this letter's progress")).toBeFocused();
  await expect(page.getByLabel("Tell me about this letter's progress")).not.toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Sign the letter" })).toBeFocused();
  await waitOutFillTime(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect.poll(async () => (await emailsTo(request, email)).length, { timeout: 15_000 }).toBe(1);
});

test.describe("the JSON API", () => {
  test("rejects a body that is not JSON with 400", async ({ request }) => {
    const letter = createLetter();
    const response = await request.post(`/api/letters/${letter.slug}/signatures`, {
      headers: { "Content-Type": "application/json" },
      data: "name=Ann&email=ann@example.org",
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_json");
  });

  test("answers 422 with field errors for bad input", async ({ request }) => {
    const letter = createLetter();
    const response = await request.post(`/api/letters/${letter.slug}/signatures`, {
      data: {
        kind: "individual",
        name: "x".repeat(101),
        email: "nope",
        country: "XX",
        listPublicly: true,
        consent: true,
      },
    });
    expect(response.status()).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields).sort()).toEqual(["country", "email", "name"]);
    expect(error.fields.name[0]).toMatch(/at most 100/);

    const control = await request.post(`/api/letters/${letter.slug}/signatures`, {
      data: { kind: "individual", name: "Bell\u0007Char", email: uniqueEmail(), country: "FR", listPublicly: true, consent: true },
    });
    expect(control.status()).toBe(422);
    expect((await control.json()).error.fields.name[0]).toMatch(/not allowed/);

    const org = await request.post(`/api/letters/${letter.slug}/signatures`, {
      data: { kind: "organization", name: "Contact", email: uniqueEmail(), country: "FR", organizationName: "Org",
        website: "javascript:alert(1)", listPublicly: true, consent: true },
    });
    expect(org.status()).toBe(422);
    expect(Object.keys((await org.json()).error.fields)).toEqual(["website"]);

    const noConsent = await request.post(`/api/letters/${letter.slug}/signatures`, {
      data: { kind: "individual", name: "No Consent", email: uniqueEmail(), country: "FR", listPublicly: true },
    });
    expect((await noConsent.json()).error.fields).toHaveProperty("consent");
  });

  test("answers 404 for an unknown letter and 409 for one that is not open", async ({ request }) => {
    const body = { kind: "individual", name: "Nobody", email: uniqueEmail(), country: "FR", listPublicly: true, consent: true };
    const unknown = await request.post("/api/letters/no-such-letter/signatures", { data: body });
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe("letter_not_found");

    const closed = createLetter({ status: "closed" });
    const response = await request.post(`/api/letters/${closed.slug}/signatures`, { data: body });
    expect(response.status()).toBe(409);
    expect((await response.json()).error).toMatchObject({ code: "letter_not_open" });
  });

  test("limits repeated signing of one address with 429 and Retry-After", async ({ request }) => {
    const letter = createLetter();
    const body = { kind: "individual", name: "Rae Peat", email: uniqueEmail("rate"), country: "FR", listPublicly: true, consent: true };
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 6; i++) {
      last = await request.post(`/api/letters/${letter.slug}/signatures`, { data: body });
      statuses.push(last.status());
    }
    expect(statuses, await last!.text()).toEqual([202, 202, 202, 202, 202, 429]);
    expect(Number(last!.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await last!.json()).error.code).toBe("rate_limited");
  });
});
