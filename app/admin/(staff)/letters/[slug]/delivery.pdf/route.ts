import { requireStaff } from "@/lib/auth/require-staff";
import { startDeliveryDocument } from "@/lib/deliveries/start-delivery-document";
import { route } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

// GET /admin/letters/{slug}/delivery.pdf: admins only; streamed as it is written.
export const GET = route(
  async (_request: Request, { params }: Context) => {
    const actor = await requireStaff("manage_letters");
    const { slug } = await params;
    const { stream, filename } = await startDeliveryDocument({ actor, slug });
    return new Response(stream, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${filename}"`,
        // Names of people: never kept by a browser or proxy cache.
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  },
  { cors: false },
);
