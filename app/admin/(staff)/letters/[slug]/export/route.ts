import { requireStaff } from "@/lib/auth/require-staff";
import { startSignatureExport } from "@/lib/export/start-signature-export";
import { route } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

// GET /admin/letters/{slug}/export[?emails=1]: moderators and admins; emails only when ticked.
export const GET = route(async (request: Request, { params }: Context) => {
  const staff = await requireStaff("export");
  const { slug } = await params;
  const includeEmails = new URL(request.url).searchParams.get("emails") === "1";
  const { stream, filename } = await startSignatureExport({ actor: staff, slug, includeEmails });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // Personal data: never kept by a browser or proxy cache.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
