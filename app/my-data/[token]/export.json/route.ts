import { route } from "@/lib/http/responses";
import { findDataRequest } from "@/lib/signer-rights/find-data-request";
import { signerData } from "@/lib/signer-rights/signer-data";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

// Everything held about the link's address, as a file: theirs alone, never cached.
export const GET = route(
  async (_request: Request, { params }: Context) => {
    const { token } = await params;
    const { emailCanonical } = await findDataRequest({ token });
    const data = await signerData({ emailCanonical });
    return new Response(JSON.stringify({ exportedAt: new Date().toISOString(), ...data }, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": 'attachment; filename="my-data.json"',
      },
    });
  },
  // The link is a secret: no answer to it, an error included, is kept or passed on.
  { cors: false, headers: { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } },
);
