import { countsRepresentation } from "@/lib/counts/counts-representation";
import { COUNTS_CACHE_CONTROL, letterCounts } from "@/lib/counts/letter-counts";
import { letterNotFound } from "@/lib/http/app-error";
import { cachedResponse, preflight, route } from "@/lib/http/responses";
import { getCachedPublicLetter } from "@/lib/letters/get-cached-public-letter";

export const dynamic = "force-dynamic";

// Answered from memory while nothing changed: the letter, the counts and the serialized
// body are all cached (see their modules), so a viral letter's readers cost no query.
export const GET = route(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const letter = await getCachedPublicLetter({ slug });
  if (!letter) throw letterNotFound();
  const counts = await letterCounts(letter.id, letter.createdAt);
  return cachedResponse(request, countsRepresentation({ slug, counts }), COUNTS_CACHE_CONTROL);
});

export const OPTIONS = preflight;
