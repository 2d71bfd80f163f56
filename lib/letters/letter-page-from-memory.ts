import "server-only";
import { NextResponse } from "next/server";
import { isPageFill, pageFromMemory, SHARED_PAGE_CACHE_CONTROL } from "../http/page-cache";
import type { LanguageCode } from "../i18n/languages";
import { getCachedPublicLetter } from "./get-cached-public-letter";

// The letter page is what a viral letter's readers open. It is the same for everyone who
// reads it in one language and re-rendered at most once a second, so the proxy serves it
// from memory (lib/http/page-cache.ts), one copy per language, fetched with that language
// named in ?lang=. The page reads no other query, so a shared link's tracking (?fbclid=,
// ?utm_source=, as a viral letter's readers mostly arrive) is served the same copy.
// Whatever might differ goes on to Next (null): other methods, the router's own
// requests, a preview, an unknown letter, the cache's own fetch.
export async function letterPageFromMemory(
  request: Request & { nextUrl: URL; cookies: { has(name: string): boolean } },
  language: LanguageCode,
  headers: Headers,
): Promise<Response | null> {
  // The page is rendered per request (its language comes in a header), so Next marks it
  // private; the cache's own fetch is the one render that is the same for every reader.
  if (isPageFill(request)) return NextResponse.next({ request: { headers }, headers: { "Cache-Control": SHARED_PAGE_CACHE_CONTROL } });
  const { pathname } = request.nextUrl;
  const slug = pathname.slice("/letters/".length);
  const personal =
    (request.method !== "GET" && request.method !== "HEAD") ||
    ["rsc", "next-action", "next-router-prefetch", "next-router-state-tree"].some((name) => request.headers.has(name)) ||
    request.cookies.has("__prerender_bypass");
  if (personal || slug.includes("%")) return null;
  try {
    if (!(await getCachedPublicLetter({ slug }))) return null;
    const page = await pageFromMemory(request, `${pathname}?lang=${language}`);
    // one address, one copy per language (Next's render names only the router's headers)
    page?.headers.append("Vary", "Accept-Language");
    return page;
  } catch {
    return null;
  }
}
