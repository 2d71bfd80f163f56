import "server-only";
import { db } from "../db";
import { letterCounts } from "../counts/letter-counts";

export interface LetterSummary {
  slug: string;
  title: string;
  summary: string;
  kind: string;
  status: string;
  total: number;
}

/** Every letter that is not a draft, newest first, with its total. */
export async function listPublicLetters(): Promise<LetterSummary[]> {
  const letters = await db.letter.findMany({
    where: { status: { not: "draft" } },
    select: { id: true, slug: true, title: true, summary: true, kind: true, status: true, createdAt: true },
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
  });
  return Promise.all(
    letters.map(async ({ id, createdAt, ...letter }) => ({ ...letter, total: (await letterCounts(id, createdAt)).total })),
  );
}
