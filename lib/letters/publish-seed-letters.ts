import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { db } from "../db";

// The letters this project ships, kept as Markdown with a JSON head in prisma/letters.
// Publishing is idempotent: a letter that exists already is left as its editors left it.

const headSchema = z.object({
  title: z.string().min(1),
  summary: z.string().min(1),
  kind: z.enum(["open_letter", "statement"]),
  addressedTo: z.string().default(""),
  goal: z.number().int().positive().optional(),
});

export const SEED_LETTERS_DIR = path.join(process.cwd(), "prisma", "letters");

export function readSeedLetter(file: string) {
  const source = fs.readFileSync(file, "utf8");
  const match = /^---json\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${file}: expected a ---json head followed by the Markdown body`);
  const head = headSchema.parse(JSON.parse(match[1]));
  return { slug: path.basename(file, ".md"), ...head, body: match[2].trim() };
}

export async function publishSeedLetters({ dir = SEED_LETTERS_DIR }: { dir?: string } = {}): Promise<string[]> {
  const created: string[] = [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".md")).sort();
  for (const file of files) {
    const letter = readSeedLetter(path.join(dir, file));
    const exists = await db.letter.findUnique({ where: { slug: letter.slug }, select: { id: true } });
    if (exists) continue;
    await db.letter.create({
      data: { ...letter, status: "open", allowIndividuals: true, allowOrganizations: true, publishedAt: new Date() },
    });
    created.push(letter.slug);
  }
  return created;
}
