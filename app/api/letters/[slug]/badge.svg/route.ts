import { COUNTS_CACHE_CONTROL, letterCounts } from "@/lib/counts/letter-counts";
import { letterNotFound } from "@/lib/http/app-error";
import { cachedResponse, preflight, representation, route } from "@/lib/http/responses";
import { getCachedPublicLetter } from "@/lib/letters/get-cached-public-letter";
import { formatCount } from "@/lib/format";
import { renderBadge } from "./render-badge";

export const dynamic = "force-dynamic";

/** `GET /api/letters/{slug}/badge.svg[?label=]`: a small SVG badge with the live count. */
export const GET = route(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const letter = await getCachedPublicLetter({ slug });
  if (!letter) throw letterNotFound();
  const { total } = await letterCounts(letter.id, letter.createdAt);
  const label = new URL(request.url).searchParams.get("label")?.trim().slice(0, 40) || "signatures";
  const svg = renderBadge({ label, value: formatCount(total) });
  // An SVG opened on its own is a document: no script, and nothing else loads from it.
  return cachedResponse(request, representation(svg, "image/svg+xml; charset=utf-8"), COUNTS_CACHE_CONTROL, {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
  });
});

export const OPTIONS = preflight;
