import { letterCounts } from "@/lib/counts/letter-counts";
import { letterNotFound } from "@/lib/http/app-error";
import { cachedJson, preflight, route } from "@/lib/http/responses";
import { getPublicLetter } from "@/lib/letters/get-public-letter";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const letter = await getPublicLetter({ slug });
  if (!letter) throw letterNotFound();
  const counts = await letterCounts(letter.id, letter.createdAt);
  return cachedJson(request, { slug, ...counts }, "public, max-age=5, s-maxage=5, stale-while-revalidate=30");
});

export const OPTIONS = preflight;
