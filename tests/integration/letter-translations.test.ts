import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { LANGUAGES } from "@/lib/i18n/languages";
import { deleteLetterTranslation } from "@/lib/letters/delete-letter-translation";
import { listLetterTranslations } from "@/lib/letters/list-letter-translations";
import { translationOutOfDate } from "@/lib/letters/original-digest";
import { SEED_LETTERS_DIR, publishSeedLetters, readSeedLetter } from "@/lib/letters/publish-seed-letters";
import { availableLanguages, publishedTranslation } from "@/lib/letters/published-translations";
import { saveLetterTranslation } from "@/lib/letters/save-letter-translation";
import { setLetterTranslationStatus } from "@/lib/letters/set-letter-translation-status";
import { letterChanged } from "@/lib/memory/letter-changed";
import { signatureFieldErrors } from "@/lib/validation/signature";
import { letterTranslationInputSchema, type LetterTranslationInput } from "@/lib/validation/letter-translation";
import { countsOf, createLetter, individual, signAndConfirm } from "../support/factories";

const admin = { id: "", email: "translator@letters.test", role: "admin" as const };

beforeAll(async () => {
  await configureDatabase();
  admin.id = (await db.user.create({ data: { email: admin.email, role: "admin" } })).id;
});

const spanish = (overrides: Partial<Record<keyof LetterTranslationInput, unknown>> = {}): LetterTranslationInput =>
  letterTranslationInputSchema.parse({
    language: "es",
    title: "Una carta para una prueba",
    summary: "Escrita por una prueba.",
    addressedTo: "",
    body: "## Texto\n\nPara una prueba.\n\n*Traducción del original en inglés.*",
    ...overrides,
  });

const auditOf = (letterId: string, action: string) => db.auditLog.findMany({ where: { letterId, action }, orderBy: { createdAt: "asc" } });

describe("the translation schema", () => {
  it("gives a field error for each field that needs fixing, with the letter's limits and text rules", () => {
    const result = letterTranslationInputSchema.safeParse({
      language: "xx",
      title: "  ",
      summary: "s".repeat(501),
      addressedTo: "Ada \u202Eecalevol",
      body: "",
    });
    expect(result.success).toBe(false);
    const fields = signatureFieldErrors(result.error!);
    expect(fields.language?.[0]).toMatch(/^Choose one of the supported languages: English, French, German, Spanish, Arabic\.$/);
    expect(fields.title).toEqual(["Title is required."]);
    expect(fields.summary).toEqual(["Summary must be at most 500 characters."]);
    expect(fields.addressedTo).toEqual(["Addressed to contains characters that are not allowed."]);
    expect(fields.body).toEqual(["Text is required."]);
  });

  it("takes Arabic text as it is written, right to left without direction marks", () => {
    const parsed = letterTranslationInputSchema.parse({ language: "ar", title: "رسالة مفتوحة", summary: "نداء عالمي.", addressedTo: "", body: "## نص\n\nتشفير قوي." });
    expect(parsed.title).toBe("رسالة مفتوحة");
    expect(LANGUAGES.find((l) => l.code === "ar")?.dir).toBe("rtl");
  });
});

describe("saving a translation", () => {
  it("adds a draft, one per language, audited; saving it again unchanged writes nothing", async () => {
    const letter = await createLetter();
    const first = await saveLetterTranslation({ actor: admin, slug: letter.slug, input: spanish() });
    expect(first).toMatchObject({ created: true, status: "draft" });
    const again = await saveLetterTranslation({ actor: admin, slug: letter.slug, input: spanish({ title: "Otra carta" }) });
    expect(again).toMatchObject({ id: first.id, created: false, changed: ["title"] });
    await saveLetterTranslation({ actor: admin, slug: letter.slug, input: spanish({ title: "Otra carta" }) });

    const rows = await listLetterTranslations({ letterId: letter.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ language: "es", title: "Otra carta", status: "draft", translatedFrom: "en" });
    const audit = await auditOf(letter.id, "letter.translation.save");
    expect(audit.map((entry) => JSON.parse(entry.detail))).toEqual([
      { language: "es", changed: ["title", "summary", "addressedTo", "body"], created: true },
      { language: "es", changed: ["title"], created: false },
    ]);
    expect(audit[0]).toMatchObject({ actorId: admin.id, actorEmail: admin.email, targetType: "letter_translation", targetId: first.id });
  });

  it("is marked out of date when the original's text changes, and current again once an admin saves it, changed or not", async () => {
    const letter = await createLetter();
    await saveLetterTranslation({ actor: admin, slug: letter.slug, input: spanish() });
    const outOfDate = async () => translationOutOfDate((await listLetterTranslations({ letterId: letter.id }))[0], await db.letter.findUniqueOrThrow({ where: { id: letter.id } }));
    expect(await outOfDate()).toBe(false);

    // A change that is not the text (the goal) leaves it current; a change to the body does not.
    await db.letter.update({ where: { id: letter.id }, data: { goal: 5000 } });
    expect(await outOfDate()).toBe(false);
    await db.letter.update({ where: { id: letter.id }, data: { body: `${letter.body}\n\nA paragraph added later.` } });
    expect(await outOfDate()).toBe(true);

    // Saved unchanged after checking it against the new original: current again, and the audit says so.
    expect(await saveLetterTranslation({ actor: admin, slug: letter.slug, input: spanish() })).toMatchObject({ changed: [] });
    expect(await outOfDate()).toBe(false);
    expect(JSON.parse((await auditOf(letter.id, "letter.translation.save")).at(-1)!.detail)).toEqual({
      language: "es",
      changed: [],
      created: false,
      checkedAgainstOriginal: true,
    });
  });

  it("refuses a translation into the letter's own language with a field error on language", async () => {
    const letter = await createLetter();
    await expect(saveLetterTranslation({ actor: admin, slug: letter.slug, input: spanish({ language: "en" }) })).rejects.toMatchObject({
      status: 422,
      fields: { language: ["The letter is written in English: choose another language."] },
    });
    expect(await db.letterTranslation.count({ where: { letterId: letter.id } })).toBe(0);
  });

  it("answers an unknown letter with 404", async () => {
    await expect(saveLetterTranslation({ actor: admin, slug: "no-such-letter", input: spanish() })).rejects.toMatchObject({ status: 404 });
  });
});

describe("publishing, unpublishing and deleting", () => {
  it("publishes and unpublishes, auditing each change once, and the public reads only what is published", async () => {
    const letter = await createLetter();
    await saveLetterTranslation({ actor: admin, slug: letter.slug, input: spanish() });
    await saveLetterTranslation({ actor: admin, slug: letter.slug, input: spanish({ language: "ar", title: "رسالة", body: "نص." }) });
    expect(await publishedTranslation(letter.id, "es")).toBeNull();
    expect(await availableLanguages(letter.id)).toEqual(["en"]);

    expect(await setLetterTranslationStatus({ actor: admin, slug: letter.slug, language: "es", status: "published" })).toEqual({ changed: true });
    expect(await setLetterTranslationStatus({ actor: admin, slug: letter.slug, language: "es", status: "published" })).toEqual({ changed: false });
    expect(await publishedTranslation(letter.id, "es")).toMatchObject({ language: "es", dir: "ltr", title: "Una carta para una prueba", translatedFrom: "en" });
    expect(await publishedTranslation(letter.id, "ar")).toBeNull();
    expect(await availableLanguages(letter.id)).toEqual(["en", "es"]);

    await setLetterTranslationStatus({ actor: admin, slug: letter.slug, language: "ar", status: "published" });
    expect(await publishedTranslation(letter.id, "ar")).toMatchObject({ dir: "rtl", title: "رسالة" });
    expect(await availableLanguages(letter.id)).toEqual(["en", "es", "ar"]);

    await setLetterTranslationStatus({ actor: admin, slug: letter.slug, language: "es", status: "draft" });
    expect(await publishedTranslation(letter.id, "es")).toBeNull();
    expect(await availableLanguages(letter.id)).toEqual(["en", "ar"]);

    expect((await auditOf(letter.id, "letter.translation.publish")).map((e) => JSON.parse(e.detail))).toEqual([{ language: "es" }, { language: "ar" }]);
    expect((await auditOf(letter.id, "letter.translation.unpublish")).map((e) => JSON.parse(e.detail))).toEqual([{ language: "es" }]);
  });

  it("deletes a translation with an audit entry naming it; the letter and its signatures stay", async () => {
    const letter = await createLetter();
    await signAndConfirm(letter, individual());
    await saveLetterTranslation({ actor: admin, slug: letter.slug, input: spanish() });
    await setLetterTranslationStatus({ actor: admin, slug: letter.slug, language: "es", status: "published" });
    expect(await publishedTranslation(letter.id, "es")).not.toBeNull();

    await deleteLetterTranslation({ actor: admin, slug: letter.slug, language: "es" });
    expect(await listLetterTranslations({ letterId: letter.id })).toEqual([]);
    expect(await publishedTranslation(letter.id, "es")).toBeNull();
    const [entry] = await auditOf(letter.id, "letter.translation.delete");
    expect(JSON.parse(entry.detail)).toEqual({ language: "es", title: "Una carta para una prueba", status: "published" });
    expect((await countsOf(letter)).total).toBe(1);
    await expect(deleteLetterTranslation({ actor: admin, slug: letter.slug, language: "es" })).rejects.toMatchObject({ status: 404 });
    await expect(setLetterTranslationStatus({ actor: admin, slug: letter.slug, language: "es", status: "published" })).rejects.toMatchObject({ status: 404 });
  });

  it("keeps signatures on the letter: one signature counts once whatever languages the letter is published in", async () => {
    const letter = await createLetter();
    await saveLetterTranslation({ actor: admin, slug: letter.slug, input: spanish() });
    await setLetterTranslationStatus({ actor: admin, slug: letter.slug, language: "es", status: "published" });
    await signAndConfirm(letter, individual());
    expect((await countsOf(letter)).total).toBe(1);
  });
});

describe("the public's copy in memory", () => {
  it("is kept between reads, and forgotten at once when the letter changes", async () => {
    const letter = await createLetter();
    await saveLetterTranslation({ actor: admin, slug: letter.slug, input: spanish() });
    await setLetterTranslationStatus({ actor: admin, slug: letter.slug, language: "es", status: "published" });
    expect(await publishedTranslation(letter.id, "es")).toMatchObject({ title: "Una carta para una prueba" });

    // Written behind the cache's back: readers keep the copy in memory...
    await db.letterTranslation.updateMany({ where: { letterId: letter.id, language: "es" }, data: { title: "Escrita a escondidas" } });
    expect(await publishedTranslation(letter.id, "es")).toMatchObject({ title: "Una carta para una prueba" });
    // ...until the letter is said to have changed, as every change to a translation says.
    await letterChanged({ letterId: letter.id, what: "letter" });
    expect(await publishedTranslation(letter.id, "es")).toMatchObject({ title: "Escrita a escondidas" });

    await saveLetterTranslation({ actor: admin, slug: letter.slug, input: spanish({ title: "Guardada por una editora" }) });
    expect(await publishedTranslation(letter.id, "es")).toMatchObject({ title: "Guardada por una editora" });
  });
});

describe("the shipped letters' translations", () => {
  const slugs = ["strong-encryption-open-letter", "iti-statement-on-encryption"];
  const shapeOf = (markdown: string) => ({
    headings: markdown.match(/^## /gm)?.length ?? 0,
    items: markdown.match(/^(\d+\.|-) /gm)?.length ?? 0,
    numbers: (markdown.match(/\b\d+\b/g) ?? []).filter((n) => n.length > 1).sort(),
  });
  const MARK = { fr: "*Traduction de l'original anglais.*", de: "*Übersetzung des englischen Originals.*", es: "*Traducción del original en inglés.*" };

  it("are published in French, German and Spanish, complete and shaped like the original, and marked as translations", async () => {
    await publishSeedLetters();
    for (const slug of slugs) {
      const letter = await db.letter.findUniqueOrThrow({ where: { slug }, include: { translations: true } });
      expect(letter.language).toBe("en");
      expect(letter.translations.map((t) => t.language).sort()).toEqual(["de", "es", "fr"]);
      expect(await availableLanguages(letter.id)).toEqual(["en", "fr", "de", "es"]);
      for (const translation of letter.translations) {
        expect(translation).toMatchObject({ status: "published", translatedFrom: "en" });
        expect(translationOutOfDate(translation, letter)).toBe(false);
        expect(translation.originalDigest).not.toBe("");
        // Each would pass the editor's own checks.
        letterTranslationInputSchema.parse(translation);
        expect(translation.addressedTo).not.toBe("");
        expect(shapeOf(translation.body)).toEqual(shapeOf(letter.body));
        expect(translation.body.trim().split("\n").at(-1)).toBe(MARK[translation.language as keyof typeof MARK]);
        expect(translation.body).not.toContain(letter.body.split("\n")[2]);
      }
    }
  });

  it("are added to a letter published before they existed, and a translation its editors changed is left alone", async () => {
    await publishSeedLetters();
    const letter = await db.letter.findUniqueOrThrow({ where: { slug: slugs[0] } });
    await db.letterTranslation.deleteMany({ where: { letterId: letter.id, language: "de" } });
    await saveLetterTranslation({ actor: admin, slug: letter.slug, input: { ...(await db.letterTranslation.findFirstOrThrow({ where: { letterId: letter.id, language: "fr" } })), language: "fr", title: "Titre revu" } });

    expect(await publishSeedLetters()).toEqual([`${slugs[0]} (de)`]);
    expect(await db.letterTranslation.findFirstOrThrow({ where: { letterId: letter.id, language: "fr" } })).toMatchObject({ title: "Titre revu" });
    expect(await publishSeedLetters()).toEqual([]);
  });

  it("sit beside the originals as <slug>.<language>.md files with the same head format", () => {
    for (const slug of slugs) {
      expect(readSeedLetter(path.join(SEED_LETTERS_DIR, `${slug}.md`)).language).toBe("en");
      for (const language of ["fr", "de", "es"]) expect(fs.existsSync(path.join(SEED_LETTERS_DIR, `${slug}.${language}.md`))).toBe(true);
    }
  });
});
