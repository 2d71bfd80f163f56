import "server-only";
import { representation, type Representation } from "../http/responses";
import type { LetterCounts } from "./letter-counts";

// The counts JSON as served, with its ETag, kept as long as the cached counts it comes
// from: a request while nothing changed costs no JSON.stringify and no hashing. The
// widget embeds the same ETag, so its first poll is a 304.
const prepared = new WeakMap<LetterCounts, { slug: string; body: Representation }>();

export function countsRepresentation({ slug, counts }: { slug: string; counts: LetterCounts }): Representation {
  const hit = prepared.get(counts);
  if (hit?.slug === slug) return hit.body;
  const body = representation(JSON.stringify({ slug, ...counts }));
  prepared.set(counts, { slug, body });
  return body;
}
