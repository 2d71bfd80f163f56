import type { LetterListItem } from "@/lib/api/schemas";
import { listPublicLetters } from "@/lib/letters/list-public-letters";
import { cachedJson, preflight, route } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request) => {
  const letters = await listPublicLetters();
  const body = letters.map(({ slug, title, kind, status, total }) => ({ slug, title, kind, status, total }) satisfies LetterListItem);
  return cachedJson(request, body, "public, max-age=5, s-maxage=5, stale-while-revalidate=30");
});

export const OPTIONS = preflight;
