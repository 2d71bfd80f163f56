import { openApiDocument } from "@/lib/api/openapi-document";
import { getEnv } from "@/lib/env";
import { cachedResponse, preflight, representation, route, type Representation } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

// The OpenAPI document of the public API (lib/api/openapi-document.ts), made once per
// process: it changes only with the code.
let document: Representation | undefined;

export const GET = route(async (request: Request) => {
  document ??= representation(JSON.stringify(openApiDocument(getEnv().APP_URL)));
  return cachedResponse(request, document, "public, max-age=300, s-maxage=300, stale-while-revalidate=3600");
});

export const OPTIONS = preflight;
