import { cachedResponse, representation } from "@/lib/http/responses";
import { EMBED_SCRIPT } from "./embed-script";

export const dynamic = "force-dynamic";

// `<script src="https://letters.example/embed.js" data-letter="slug" async></script>`
// The script is the same for every site and letter, so browsers and CDNs keep it for
// an hour and may serve it stale for a week while they fetch a newer one.
const script = representation(EMBED_SCRIPT, "text/javascript; charset=utf-8");

export function GET(request: Request) {
  return cachedResponse(request, script, "public, max-age=3600, s-maxage=86400, stale-while-revalidate=604800");
}
