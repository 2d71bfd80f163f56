import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { db } from "../db";
import { DEFAULT_LANGUAGE, LANGUAGE_CODES, isLanguageCode } from "../i18n/languages";
import { originalDigest } from "./original-digest";

// The letters this project ships, kept as Markdown with a JSON head in prisma/letters:
// `<slug>.md` is a letter, `<slug>.<language>.md` its translation into that language.
// Publishing is idempotent: a letter or a translation that exists already is left as
// its editors left it; a translation missing from a letter that exists is added.

const headSchema = z.object({
  title: z.string().min(1),
  summary: z.string().min(1),
  kind: z.enum(["open_letter", "statement"]),
  addressedTo: z.string().default(""),
  goal: z.number().int().positive().optional(),
  language: z.enum(LANGUAGE_CODES).default(DEFAULT_LANGUAGE),
});

const translationHeadSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
  addressedTo: z.string().default(""),
});

export const SEED_LETTERS_DIR = path.join(process.cwd(), "prisma", "letters");

function readHeadAndBody(file: string) {
  const source = fs.readFileSync(file, "utf8");
  const match = /^---json\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${file}: expected a ---json head followed by the Markdown body`);
  return { head: JSON.parse(match[1]) as unknown, body: match[2].trim() };
}

/** The file's slug and, for a translation, its language ("letter.fr.md"). */
function seedFileName(file: string): { slug: string; language: string | null } {
  const name = path.basename(file, ".md");
  const dot = name.lastIndexOf(".");
  if (dot === -1) return { slug: name, language: null };
  const language = name.slice(dot + 1);
  if (!isLanguageCode(language)) throw new Error(`${file}: ${language} is not a supported language (lib/i18n/languages.ts)`);
  return { slug: name.slice(0, dot), language };
}

export function readSeedLetter(file: string) {
  const { head, body } = readHeadAndBody(file);
  return { slug: seedFileName(file).slug, ...headSchema.parse(head), body };
}

export function readSeedTranslation(file: string) {
  const { head, body } = readHeadAndBody(file);
  const { slug, language } = seedFileName(file);
  if (!language) throw new Error(`${file}: a translation's file is named <slug>.<language>.md`);
  return { slug, language, ...translationHeadSchema.parse(head), body };
}

/** Publishes the shipped letters and their translations; returns what it added ("slug", "slug (fr)"). */
export async function publishSeedLetters({ dir = SEED_LETTERS_DIR }: { dir?: string } = {}): Promise<string[]> {
  const created: string[] = [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".md")).sort();
  const letterFiles = files.filter((f) => seedFileName(f).language === null);
  const translationFiles = files.filter((f) => seedFileName(f).language !== null);

  for (const file of letterFiles) {
    const letter = readSeedLetter(path.join(dir, file));
    const exists = await db.letter.findUnique({ where: { slug: letter.slug }, select: { id: true } });
    if (exists) continue;
    await db.letter.create({
      data: { ...letter, status: "open", allowIndividuals: true, allowOrganizations: true, publishedAt: new Date() },
    });
    created.push(letter.slug);
  }

  for (const file of translationFiles) {
    const { slug, language, ...text } = readSeedTranslation(path.join(dir, file));
    const letter = await db.letter.findUnique({ where: { slug }, select: { id: true, language: true } });
    if (!letter) throw new Error(`${file}: no letter ${slug} to translate`);
    if (letter.language === language) continue;
    const exists = await db.letterTranslation.findUnique({ where: { letterId_language: { letterId: letter.id, language } }, select: { id: true } });
    if (exists) continue;
    // Translated from the shipped original: if editors have changed the letter since, it shows as out of date.
    const original = path.join(dir, `${slug}.md`);
    await db.letterTranslation.create({
      data: {
        letterId: letter.id,
        language,
        ...text,
        status: "published",
        translatedFrom: letter.language,
        originalDigest: fs.existsSync(original) ? originalDigest(readSeedLetter(original)) : "",
      },
    });
    created.push(`${slug} (${language})`);
  }
  return created;
}
