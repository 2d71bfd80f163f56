import { clientIp } from "@/lib/http/client-address";
import { CORS_HEADERS, preflight, representationResponse, route } from "@/lib/http/responses";
import { publicLetterOrNotFound } from "@/lib/letters/get-cached-public-letter";
import { publicSignatoriesCsv } from "@/lib/export/public-signatories-csv";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

// The public list of signatories as CSV: counted and listed only, never an email. Kept
// in memory for a few seconds, or streamed a few at a time (lib/export/public-signatories-csv.ts).
export const GET = route(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const letter = await publicLetterOrNotFound(slug);
  const csv = await publicSignatoriesCsv({ letterId: letter.id, since: letter.createdAt, client: clientIp(request.headers) });
  const headers = {
    ...CORS_HEADERS,
    "Content-Disposition": `attachment; filename="${letter.slug}-signatories.csv"`,
    // 5 s, like the copy in memory: a withdrawn signature leaves every list within 5 s.
    "Cache-Control": "public, max-age=5, s-maxage=5",
    "X-Content-Type-Options": "nosniff",
  };
  if ("representation" in csv) return representationResponse(request, csv.representation, headers);
  return new Response(csv.stream, { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
});

export const OPTIONS = preflight;
