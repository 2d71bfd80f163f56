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

/**
 * The counts JSON answered by the proxy, ahead of Next's route machinery, which costs
 * more than the answer: about 1.15x the trivial route's speed instead of 0.85x (README,
 * Benchmark). Null for anything but a plain GET of a known letter, and on any failure:
 * the route then answers the same way, with the contract's errors.
 */
export async function countsFromMemory(request: Request & { nextUrl: URL }): Promise<Response | null> {
  if (request.method !== "GET") return null;
  const slug = request.nextUrl.pathname.split("/")[3] ?? ""; // an encoded slug goes on to the route
  return countsAnswer(request, slug).catch(() => null);
}
