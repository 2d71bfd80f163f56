import { letterNotFound } from "@/lib/http/app-error";
import { CORS_HEADERS, preflight, route } from "@/lib/http/responses";
import { getPublicLetter } from "@/lib/letters/get-public-letter";
import { signaturesCsv } from "@/lib/export/signatures-csv";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

// The public list of signatories as CSV: counted and listed only, never an email.
export const GET = route(async (_request: Request, { params }: Context) => {
  const { slug } = await params;
  const letter = await getPublicLetter({ slug });
  if (!letter) throw letterNotFound();
  return new Response(signaturesCsv({ letterId: letter.id, audience: "public" }), {
    headers: {
      ...CORS_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${letter.slug}-signatories.csv"`,
      "Cache-Control": "public, max-age=60, s-maxage=60",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

export const OPTIONS = preflight;
