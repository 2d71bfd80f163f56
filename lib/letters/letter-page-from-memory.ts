import "server-only";
import { isPageFill, pageFromMemory } from "../http/page-cache";
import { getCachedPublicLetter } from "./get-cached-public-letter";

// The letter page is what a viral letter's readers open. It is the same for everyone
// and re-rendered at most once a second, so the proxy serves it from memory
// (lib/http/page-cache.ts). Whatever might differ goes on to Next (null): other methods,
// a query, the router's own requests, a preview, an unknown letter, the cache's own fetch.
export async function letterPageFromMemory(request: Request & { nextUrl: URL; cookies: { has(name: string): boolean } }): Promise<Response | null> {
  const { pathname, search } = request.nextUrl;
  const slug = pathname.slice("/letters/".length);
  const personal =
    (request.method !== "GET" && request.method !== "HEAD") ||
    search !== "" ||
    ["rsc", "next-action", "next-router-prefetch", "next-router-state-tree"].some((name) => request.headers.has(name)) ||
    request.cookies.has("__prerender_bypass") ||
    isPageFill(request);
  if (personal || slug.includes("%")) return null;
  try {
    if (!(await getCachedPublicLetter({ slug }))) return null;
    return await pageFromMemory(request, pathname);
  } catch {
    return null;
  }
}
