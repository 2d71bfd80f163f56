import { letterHistory } from "@/lib/counts/letter-history";
import { letterNotFound } from "@/lib/http/app-error";
import { cachedJson, preflight, route } from "@/lib/http/responses";
import { getCachedPublicLetter } from "@/lib/letters/get-cached-public-letter";

export const dynamic = "force-dynamic";

/** Daily running totals: `{ slug, days: [{ day, total, individuals, organizations, added }] }`, oldest first. */
export const GET = route(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const letter = await getCachedPublicLetter({ slug });
  if (!letter) throw letterNotFound();
  const days = await letterHistory({ letterId: letter.id });
  return cachedJson(request, { slug, days }, "public, max-age=0, s-maxage=10, stale-while-revalidate=50, stale-if-error=86400");
});

export const OPTIONS = preflight;
