import { worldSprite } from "@/components/world-map-shapes";
import { cachedResponse, representation } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

// The map's country outlines. Pages ask for it with ?v=<version>, so it can be cached
// for a long time: new outlines come with a new URL.
let body: ReturnType<typeof representation> | undefined;

export function GET(request: Request) {
  body ??= representation(worldSprite().svg, "image/svg+xml; charset=utf-8");
  return cachedResponse(request, body, "public, max-age=31536000, immutable");
}
