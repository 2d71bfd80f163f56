import "server-only";
import { db } from "../db";

/** An update with its letter, for the admin pages and for sending; null when the letter has none by that id. */
export function getLetterUpdate({ slug, id }: { slug?: string; id: string }) {
  return db.letterUpdate.findFirst({
    where: { id, ...(slug ? { letter: { slug } } : {}) },
    include: { letter: { select: { id: true, slug: true, title: true } } },
  });
}

export type LetterUpdateWithLetter = NonNullable<Awaited<ReturnType<typeof getLetterUpdate>>>;
