import { signingChallenge } from "@/lib/defences/signing-challenge";
import { clientIp } from "@/lib/http/client-address";
import { json, route } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

// The proof of work a signing on this letter must bring: { required, challenge }. Every
// answer is fresh (no-store); this site's pages and servers only, like signing.
export const GET = route(
  async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const { slug } = await params;
    const answer = await signingChallenge({ slug, ip: clientIp(request.headers) });
    return json(answer, { headers: { "Cache-Control": "no-store" } });
  },
  { cors: false },
);
