import "server-only";
import { db } from "../db";
import { letterCounts } from "../counts/letter-counts";
import { effectiveStatus } from "./effective-status";

/**
 * Every letter, drafts included, newest first, for staff: its status as the public sees
 * it, the counted total (from the counters) and how many organisations await review.
 */
export async function listAdminLetters() {
  const [letters, waiting] = await Promise.all([
    db.letter.findMany({
      select: { id: true, slug: true, title: true, kind: true, status: true, closesAt: true, createdAt: true, updatedAt: true },
      orderBy: { createdAt: "desc" },
    }),
    db.signature.groupBy({ by: ["letterId"], where: { status: "awaiting_review" }, _count: { _all: true } }),
  ]);
  const awaiting = new Map(waiting.map((row) => [row.letterId, row._count._all]));
  return Promise.all(
    letters.map(async (letter) => ({
      ...letter,
      effectiveStatus: effectiveStatus(letter),
      total: (await letterCounts(letter.id, letter.createdAt)).total,
      awaitingReview: awaiting.get(letter.id) ?? 0,
    })),
  );
}

export type AdminLetterRow = Awaited<ReturnType<typeof listAdminLetters>>[number];
