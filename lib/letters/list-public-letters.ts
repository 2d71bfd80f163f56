import "server-only";
import { db } from "../db";
import { letterCounts } from "../counts/letter-counts";
import { effectiveStatus } from "./effective-status";

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
    select: { id: true, slug: true, title: true, summary: true, kind: true, status: true, closesAt: true, createdAt: true },
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
  });
  return Promise.all(
    letters.map(async ({ id, createdAt, closesAt, ...letter }) => ({
      ...letter,
      status: effectiveStatus({ status: letter.status, closesAt }),
      total: (await letterCounts(id, createdAt)).total,
    })),
  );
}
