import "server-only";
import { db } from "../db";

/** Any letter, drafts included, for pages that have already checked the staff role. */
export async function getLetterForStaff({ slug }: { slug: string }) {
  return db.letter.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, status: true, createdAt: true } });
}
