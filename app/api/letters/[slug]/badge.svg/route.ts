import { getTranslations } from "next-intl/server";
import { COUNTS_CACHE_CONTROL, letterCounts } from "@/lib/counts/letter-counts";
import { letterNotFound } from "@/lib/http/app-error";
import { cachedResponse, preflight, representation, route } from "@/lib/http/responses";
import { isLanguageCode, languageDirection } from "@/lib/i18n/languages";
import { negotiateLanguage } from "@/lib/i18n/negotiate-language";
import { getCachedPublicLetter } from "@/lib/letters/get-cached-public-letter";
import { renderBadge } from "./render-badge";

export const dynamic = "force-dynamic";

/**
 * `GET /api/letters/{slug}/badge.svg[?label=][&lang=]`: a small SVG badge with the live
 * count, in `lang` (else the reader's Accept-Language, else English): its default label
 * and its number as that language writes them. A `label` is shown as given.
 */
export const GET = route(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const letter = await getCachedPublicLetter({ slug });
  if (!letter) throw letterNotFound();
  const { total } = await letterCounts(letter.id, letter.createdAt);
  const query = new URL(request.url).searchParams;
  const language = negotiateLanguage({ lang: query.get("lang"), acceptLanguage: request.headers.get("accept-language") });
  const t = await getTranslations({ locale: language, namespace: "badge" });
  const label = query.get("label")?.trim().slice(0, 40) || t("label");
  const svg = renderBadge({ label, value: new Intl.NumberFormat(language).format(total), lang: language, dir: languageDirection(language) });
  // Each language's badge has its own bytes, so its own ETag; without ?lang= the
  // answer follows Accept-Language, and caches must keep one per language.
  return cachedResponse(request, representation(svg, "image/svg+xml; charset=utf-8"), COUNTS_CACHE_CONTROL, {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    ...(isLanguageCode(query.get("lang")) ? {} : { Vary: "Accept-Encoding, Accept-Language" }),
  });
});

export const OPTIONS = preflight;
