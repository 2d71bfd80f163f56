import { publicSignaturesQuerySchema, type SignAccepted } from "@/lib/api/schemas";
import { AppError, letterNotFound } from "@/lib/http/app-error";
import { readJsonObject } from "@/lib/http/json-body";
import { cachedJson, json, preflight, route } from "@/lib/http/responses";
import { getPublicLetter } from "@/lib/letters/get-public-letter";
import { isValidCursor, listPublicSignatures } from "@/lib/signatures/list-public-signatures";
import { submitSignature } from "@/lib/signatures/submit-signature";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

export const GET = route(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const url = new URL(request.url);
  const query = publicSignaturesQuerySchema.safeParse({
    kind: url.searchParams.get("kind") ?? undefined,
    cursor: url.searchParams.get("cursor") ?? undefined,
  });
  if (!query.success) {
    throw new AppError("invalid_query", 422, { values: { parameter: "kind" }, fields: { kind: ["Must be individual or organization."] } });
  }
  const { kind, cursor } = query.data;
  if (!isValidCursor(cursor)) {
    throw new AppError("invalid_query", 422, { values: { parameter: "cursor" }, fields: { cursor: ["Use the nextCursor of an earlier page."] } });
  }
  const letter = await getPublicLetter({ slug });
  if (!letter) throw letterNotFound();
  const page = await listPublicSignatures({ letterId: letter.id, kind, cursor });
  return cachedJson(request, page, "public, max-age=10, s-maxage=10, stale-while-revalidate=60");
});

// Signing answers this site's pages and servers only: no CORS (lib/http/responses.ts).
export const POST = route(
  async (request: Request, { params }: Context) => {
    const { slug } = await params;
    const body = await readJsonObject(request);
    await submitSignature({ slug, body, headers: request.headers });
    return json({ status: "pending_verification" } satisfies SignAccepted, { status: 202, headers: { "Cache-Control": "no-store" } });
  },
  { cors: false },
);

export const OPTIONS = preflight;
