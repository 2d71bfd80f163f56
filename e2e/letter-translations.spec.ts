import { expect, test, type Request } from "@playwright/test";
import { APP_URL } from "./config";
import { addStaff, signInAs } from "./admin-support";
import { sql } from "./db";
import { createLetter } from "./support";

const translationOf = (letterId: string, language: string) =>
  sql<{ title: string; status: string }>(`SELECT "title", "status" FROM "LetterTranslation" WHERE "letterId" = ? AND "language" = ?`, [letterId, language])[0];
const auditActions = (letterId: string) =>
  sql<{ action: string }>(`SELECT "action" FROM "AuditLog" WHERE "letterId" = ? ORDER BY "createdAt", "id"`, [letterId]).map((row) => row.action);

test("an admin adds a Spanish translation beside the original, sees its preview and publishes it", async ({ page, request }) => {
  const letter = createLetter();
  await signInAs(page, request, addStaff("admin"));
  await page.getByTestId(`letter-row-${letter.slug}`).getByRole("link", { name: "Translations" }).click();
  await expect(page.getByRole("heading", { name: "Translations" })).toBeVisible();
  await expect(page.getByTestId("translation-es")).toContainText("Not translated");
  await page.getByRole("link", { name: "Translate: Spanish" }).click();

  // The original sits beside the fields to fill.
  await expect(page.getByRole("heading", { name: /Spanish translation/ })).toBeVisible();
  await expect(page.getByText(letter.title, { exact: true })).toBeVisible();
  await expect(page.getByTestId("original-body")).toContainText("This letter exists only for an automated test.");

  // Nothing is sent while the shared schema finds fields to fix.
  const posts: string[] = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByLabel("Title in Spanish")).toHaveAccessibleDescription("Title is required.");
  await expect(page.getByLabel("Text in Spanish (Markdown)")).toHaveAttribute("aria-invalid", "true");
  expect(posts).toEqual([]);

  await page.getByLabel("Title in Spanish").fill("Carta sintética de prueba");
  await page.getByLabel("Summary in Spanish").fill("Una carta sintética creada por una prueba.");
  await page.getByLabel("Addressed to in Spanish").fill("Lectores de prueba");
  await page.getByLabel("Text in Spanish (Markdown)").fill("## Para una prueba\n\nEsta carta solo existe para una prueba automática.\n\n*Traducción del original en inglés.*");
  const preview = page.getByTestId("translation-preview");
  await expect(preview).toHaveAttribute("lang", "es");
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText("Carta sintética de prueba");
  await expect(preview.getByRole("heading", { level: 2 })).toHaveText("Para una prueba");

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  expect(translationOf(letter.id, "es")).toEqual({ title: "Carta sintética de prueba", status: "draft" });

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toHaveText(/Saved and published/);
  await expect(page.getByRole("button", { name: "Unpublish" })).toBeVisible();
  expect(translationOf(letter.id, "es")).toEqual({ title: "Carta sintética de prueba", status: "published" });
  expect(auditActions(letter.id)).toEqual(["letter.translation.save", "letter.translation.publish"]);

  await page.getByRole("link", { name: "← Translations" }).click();
  await expect(page.getByTestId("translation-es")).toContainText("Published");
  await expect(page.getByTestId("translation-es")).toContainText("Carta sintética de prueba");
  await expect(page.getByTestId("translation-es")).not.toContainText("Original changed since");

  // The original moves on: the translation is marked out of date until an admin checks and saves it.
  sql(`UPDATE "Letter" SET "body" = ? WHERE "id" = ?`, ["## For a test\n\nThis letter exists only for an automated test, and has a new line.", letter.id]);
  await page.reload();
  await expect(page.getByTestId("translation-es")).toContainText("Original changed since");
  await page.getByRole("link", { name: "Edit: Spanish" }).click();
  await expect(page.getByTestId("translation-out-of-date")).toContainText("The original has changed since this translation was last saved");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByTestId("translation-out-of-date")).toHaveCount(0);
  await page.getByRole("link", { name: "← Translations" }).click();
  await expect(page.getByTestId("translation-es")).not.toContainText("Original changed since");
});

test("the Arabic fields and preview run right to left", async ({ page, request }) => {
  const letter = createLetter();
  await signInAs(page, request, addStaff("admin"));
  await page.goto(`/admin/letters/${letter.slug}/translations/ar`);
  for (const label of ["Title in Arabic", "Summary in Arabic", "Addressed to in Arabic", "Text in Arabic (Markdown)"]) {
    await expect(page.getByLabel(label)).toHaveAttribute("dir", "rtl");
    await expect(page.getByLabel(label)).toHaveAttribute("lang", "ar");
  }
  await page.getByLabel("Title in Arabic").fill("رسالة تجريبية");
  await expect(page.getByTestId("translation-preview")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("translation-preview").getByRole("heading", { level: 1 })).toHaveText("رسالة تجريبية");
});

test("a moderator reads a letter's translations but cannot edit them (no buttons, and the action is refused)", async ({ browser, page, request }) => {
  const letter = createLetter();
  await signInAs(page, request, addStaff("admin"));
  await page.goto(`/admin/letters/${letter.slug}/translations/fr`);
  await page.getByLabel("Title in French").fill("Lettre de test");
  await page.getByLabel("Summary in French").fill("Une lettre créée par un test.");
  await page.getByLabel("Text in French (Markdown)").fill("## Pour un test\n\nTexte.");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toHaveText(/Saved and published/);

  // The admin's next save, captured and not let through, to replay as the moderator.
  let captured: Request | null = null;
  await page.route(`**/admin/letters/${letter.slug}/translations/fr`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    captured = route.request();
    await route.abort();
  });
  await page.getByLabel("Title in French").fill("Changée par un modérateur");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect.poll(() => captured).not.toBeNull();

  const moderator = await (await browser.newContext({ baseURL: APP_URL })).newPage();
  await signInAs(moderator, request, addStaff("moderator"));
  await moderator.getByTestId(`letter-row-${letter.slug}`).getByRole("link", { name: "Translations" }).click();
  await expect(moderator.getByTestId("translation-fr")).toContainText("Published");
  await expect(moderator.getByRole("link", { name: "Translate: Spanish" })).toHaveCount(0);
  await moderator.getByRole("link", { name: "Read: French" }).click();
  await expect(moderator.getByTestId("translation-preview").getByRole("heading", { level: 1 })).toHaveText("Lettre de test");
  await expect(moderator.getByRole("button")).toHaveText(["Sign out"]);
  expect((await moderator.goto(`/admin/letters/${letter.slug}/translations/es`))?.status()).toBe(404);

  const action = captured!;
  const headers = Object.fromEntries(Object.entries(action.headers()).filter(([name]) => !["host", "cookie", "content-length"].includes(name)));
  const replay = await moderator.request.post(action.url(), { headers: { ...headers, origin: APP_URL }, data: action.postDataBuffer()! });
  expect(await replay.text()).toContain("Your role does not allow this.");
  expect(translationOf(letter.id, "fr")).toEqual({ title: "Lettre de test", status: "published" });
});
