import "server-only";
import { effectiveStatus } from "./effective-status";
import { getPublicLetter, type PublicLetter } from "./get-public-letter";

// The public letter by slug, kept in memory for a few seconds for the hot public feeds
// (counts, badge, widget, history): with the counts cached too, a request for them then
// touches no database at all. Edits show within the TTL, as the counts do; misses are
// not kept, so a letter published a moment ago is found at once.

export const LETTER_TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

type Entry = { at: number; value: Promise<PublicLetter | null> };
const cache = ((globalThis as unknown as { publicLetters?: Map<string, Entry> }).publicLetters ??= new Map());

export async function getCachedPublicLetter({ slug }: { slug: string }): Promise<PublicLetter | null> {
  const hit = cache.get(slug);
  if (hit && Date.now() - hit.at < LETTER_TTL_MS) {
    const letter = await hit.value;
    // A closing date can pass while the letter sits in the cache.
    const status = letter && effectiveStatus(letter);
    return letter && status !== letter.status ? { ...letter, status: status! } : letter;
  }
  const value = getPublicLetter({ slug });
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(slug, { at: Date.now(), value });
  const letter = await value.catch((error: unknown) => {
    cache.delete(slug);
    throw error;
  });
  if (!letter) cache.delete(slug);
  return letter;
}
