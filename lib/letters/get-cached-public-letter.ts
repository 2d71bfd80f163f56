import "server-only";
import { letterNotFound } from "../http/app-error";
import { whenLetterChanges } from "../memory/letter-changed";
import { timedCache } from "../memory/timed-cache";
import { effectiveStatus } from "./effective-status";
import { isSlug } from "../validation/letter";
import { getPublicLetter, type PublicLetter } from "./get-public-letter";

// The public letter by slug, kept in memory for a few seconds for the hot public feeds
// (counts, badge, widget, history): with the counts cached too, a request for them then
// touches no database at all. An editor's change is forgotten at once in every process
// (lib/memory/letter-changed.ts); misses are not kept, so a letter published a moment
// ago is found at once.

export const LETTER_TTL_MS = 5_000;

const cache = timedCache<PublicLetter | null>("public-letters", { ttlMs: LETTER_TTL_MS, max: 1_000, keep: (letter) => letter !== null });
// Keyed by slug, and an edit may change the slug: a change forgets them all.
whenLetterChanges("public-letters", ({ what }) => what === "letter" && cache.forget());

export async function getCachedPublicLetter({ slug }: { slug: string }): Promise<PublicLetter | null> {
  const letter = await cache.get(slug, () => getPublicLetter({ slug }));
  // A closing date can pass while the letter sits in the cache.
  const status = letter && effectiveStatus(letter);
  return letter && status !== letter.status ? { ...letter, status: status! } : letter;
}

/** The public letter a feed's address names, or the 404 AppError (a malformed slug is never looked up). */
export async function publicLetterOrNotFound(slug: string): Promise<PublicLetter> {
  const letter = isSlug(slug) ? await getCachedPublicLetter({ slug }) : null;
  if (!letter) throw letterNotFound();
  return letter;
}
