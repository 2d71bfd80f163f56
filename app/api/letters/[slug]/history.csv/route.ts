import { historyCsv } from "@/lib/export/history-csv";
import { cachedResponse, preflight, route } from "@/lib/http/responses";
import { publicLetterOrNotFound } from "@/lib/letters/get-cached-public-letter";

export const dynamic = "force-dynamic";

/** Signatures counted per UTC day and country that still count: `date,country,country_name,individuals,organizations,total` (lib/export/history-csv.ts). */
export const GET = route(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const letter = await publicLetterOrNotFound(slug);
  return cachedResponse(request, await historyCsv({ letterId: letter.id }), "public, max-age=0, s-maxage=10, stale-while-revalidate=50, stale-if-error=86400", {
    "Content-Disposition": `attachment; filename="${letter.slug}-history.csv"`,
    "X-Content-Type-Options": "nosniff",
  });
});

export const OPTIONS = preflight;
