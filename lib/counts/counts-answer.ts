import "server-only";
import { cachedResponse } from "../http/responses";
import { getCachedPublicLetter } from "../letters/get-cached-public-letter";
import { countsRepresentation } from "./counts-representation";
import { COUNTS_CACHE_CONTROL, letterCounts } from "./letter-counts";

/**
 * The counts JSON for a GET, from memory while nothing changed (the letter, the counts
 * and the serialized body are all cached): 200 with its ETag, or 304. Null for an
 * unknown letter. Used by the route and, ahead of it, by the proxy (see proxy.ts).
 */
export async function countsAnswer(request: Request, slug: string): Promise<Response | null> {
  const letter = await getCachedPublicLetter({ slug });
  if (!letter) return null;
  const counts = await letterCounts(letter.id, letter.createdAt);
  return cachedResponse(request, countsRepresentation({ slug, counts }), COUNTS_CACHE_CONTROL);
}
