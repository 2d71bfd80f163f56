import { expect, test } from "@playwright/test";
import { confirmLink, createLetter, uniqueEmail, waitForEmails } from "./support";

test("the list of letters, on /api/letters and on / for JSON clients", async ({ request }) => {
  const letters = await (await request.get("/api/letters")).json();
  const slugs = letters.map((l: { slug: string }) => l.slug);
  expect(slugs).toEqual(expect.arrayContaining(["strong-encryption-open-letter", "iti-statement-on-encryption"]));
  for (const letter of letters) expect(Object.keys(letter).sort()).toEqual(["kind", "slug", "status", "title", "total"]);

  const root = await request.get("/", { headers: { Accept: "application/json" } });
  expect(root.headers()["content-type"]).toContain("application/json");
  expect((await root.json()).map((l: { slug: string }) => l.slug)).toEqual(slugs);
});

test("counts answer with CORS, ETag, 304 and a short Cache-Control", async ({ request }) => {
  const letter = createLetter();
  const first = await request.get(`/api/letters/${letter.slug}/counts`, { headers: { Origin: "https://campaign.example" } });
  expect(first.status()).toBe(200);
  const headers = first.headers();
  expect(headers["access-control-allow-origin"]).toBe("*");
  expect(headers["cache-control"]).toMatch(/max-age=\d+/);
  expect(headers.etag).toBeTruthy();
  expect(await first.json()).toMatchObject({ slug: letter.slug, total: 0, individuals: 0, organizations: 0, countries: [] });

  const again = await request.get(`/api/letters/${letter.slug}/counts`, { headers: { "If-None-Match": headers.etag } });
  expect(again.status()).toBe(304);
  expect(await again.text()).toBe("");

  const preflight = await request.fetch(`/api/letters/${letter.slug}/counts`, { method: "OPTIONS" });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
  // A page elsewhere may revalidate by ETag: the preflight must allow the header.
  expect(preflight.headers()["access-control-allow-headers"]).toContain("If-None-Match");
  expect(preflight.headers()["access-control-allow-methods"]).toContain("GET");

  expect((await request.get("/api/letters/no-such-letter/counts")).status()).toBe(404);
});

test("public signatories list only listed, counted signers and never an email", async ({ page, request }) => {
  const letter = createLetter();
  const listed = uniqueEmail("listed");
  const unlisted = uniqueEmail("unlisted");
  const pending = uniqueEmail("pending");
  for (const [email, name, listPublicly] of [
    [listed, "Lee Listed", true],
    [unlisted, "Una Unlisted", false],
    [pending, "Pat Pending", true],
  ] as const) {
    await request.post(`/api/letters/${letter.slug}/signatures`, {
      data: { kind: "individual", name, email, country: "IN", title: "Researcher", listPublicly, consent: true },
    });
  }
  for (const email of [listed, unlisted]) {
    await page.goto(confirmLink((await waitForEmails(request, email))[0]));
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("heading", { name: "Thank you for signing" })).toBeVisible();
  }
  const response = await request.get(`/api/letters/${letter.slug}/signatures?kind=individual`);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const body = await response.json();
  expect(body.nextCursor).toBeNull();
  expect(body.items).toHaveLength(1);
  expect(Object.keys(body.items[0]).sort()).toEqual(
    ["affiliation", "country", "id", "kind", "name", "organizationName", "signedAt", "title", "website"],
  );
  expect(body.items[0]).toMatchObject({ kind: "individual", name: "Lee Listed", title: "Researcher", country: "IN" });
  expect(JSON.stringify(body)).not.toMatch(/@example\.org/);

  const counts = await (await request.get(`/api/letters/${letter.slug}/counts`)).json();
  expect(counts.total).toBe(2);
  expect((await request.get(`/api/letters/${letter.slug}/signatures?kind=robots`)).status()).toBe(422);
});
