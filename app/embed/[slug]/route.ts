import { countsRepresentation } from "@/lib/counts/counts-representation";
import { COUNTS_CACHE_CONTROL, letterCounts, type LetterCounts } from "@/lib/counts/letter-counts";
import { cachedResponse, representation, type Representation } from "@/lib/http/responses";
import { getCachedPublicLetter } from "@/lib/letters/get-cached-public-letter";
import type { PublicLetter } from "@/lib/letters/get-public-letter";
import { escapeHtml } from "./html";
import { optionsKey, widgetOptions } from "./options";
import { renderWidget } from "./widget-page";
import { WIDGET_SCRIPT_HASH } from "./widget-script";

export const dynamic = "force-dynamic";

// The framed counter: a route handler rather than a page, so it carries no site chrome,
// no framework script and no cookie, and its headers are exactly these. Any origin may
// frame it (frame-ancestors *); next.config.ts keeps X-Frame-Options off /embed/.
const CSP = [
  "default-src 'none'",
  `script-src ${WIDGET_SCRIPT_HASH}`,
  "style-src 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors *",
].join("; ");
const HEADERS = { "Content-Security-Policy": CSP, "X-Robots-Tag": "noindex" };
const HTML = "text/html; charset=utf-8";

// Rendered pages live as long as the cached counts and letter they show, one per set
// of options (a small, fixed number).
const rendered = new WeakMap<LetterCounts, { letter: PublicLetter; pages: Map<string, Representation> }>();

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const options = widgetOptions(new URL(request.url).searchParams);
  const letter = await getCachedPublicLetter({ slug });
  if (!letter) {
    const text = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found</title><body style="font:14px system-ui,sans-serif;margin:12px;color:#57534e">There is no letter at ${escapeHtml(`/${slug}`)}.</body></html>`;
    return new Response(text, { status: 404, headers: { ...HEADERS, "Content-Type": HTML, "Cache-Control": "public, max-age=60" } });
  }
  const counts = await letterCounts(letter.id, letter.createdAt);
  let entry = rendered.get(counts);
  if (entry?.letter !== letter) {
    entry = { letter, pages: new Map() };
    rendered.set(counts, entry);
  }
  const key = optionsKey(options);
  let page = entry.pages.get(key);
  if (!page) {
    const countsEtag = countsRepresentation({ slug, counts }).etag;
    page = representation(renderWidget({ letter, counts, countsEtag, letterUrl: `/letters/${slug}`, options }), HTML);
    entry.pages.set(key, page);
  }
  return cachedResponse(request, page, COUNTS_CACHE_CONTROL, HEADERS);
}
