import { countsAnswer } from "@/lib/counts/counts-answer";
import { letterNotFound } from "@/lib/http/app-error";
import { preflight, route } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

// Usually answered before it gets here, by the proxy (see proxy.ts); this route gives
// the same answer, and the contract's errors.
export const GET = route(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const answer = await countsAnswer(request, slug);
  if (!answer) throw letterNotFound();
  return answer;
});

export const OPTIONS = preflight;
