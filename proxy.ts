import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "./lib/http/app-error";
import { countsAnswer } from "./lib/counts/counts-answer";
import { isPageFill, pageFromMemory } from "./lib/http/page-cache";
import { getCachedPublicLetter } from "./lib/letters/get-cached-public-letter";
import { findConfirmation } from "./lib/signatures/confirm-signature";

// Four early answers. None is a security boundary: every admin page, action and
// route handler checks the role itself.
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/admin")) return adminGate(request);
  if (pathname.startsWith("/api/letters/")) return countsFromMemory(request); // only counts match
  if (pathname.startsWith("/letters/")) return letterPageFromMemory(request); // only the page matches
  return expiredLinkStatus(request);
}

// The counts JSON is what every widget, badge and partner site polls. Answering it here,
// from memory, skips Next's route machinery, which costs more than the answer: about
// 1.15x the trivial route's speed instead of 0.85x (README, Benchmark). Anything but a
// plain GET of a known letter, and any failure, goes on to the route, which answers the
// same way and with the contract's errors.
async function countsFromMemory(request: NextRequest) {
  if (request.method !== "GET") return NextResponse.next();
  const slug = request.nextUrl.pathname.split("/")[3] ?? ""; // an encoded slug goes on to the route
  const answer = await countsAnswer(request, slug).catch(() => null);
  return answer ?? NextResponse.next();
}

// The letter page is what a viral letter's readers open. It is the same for everyone
// and re-rendered at most once a second, so it is served from memory
// (lib/http/page-cache.ts). Whatever might differ goes on to Next: other methods, a
// query, the router's own requests, a preview, an unknown letter, the cache's own fetch.
async function letterPageFromMemory(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const slug = pathname.slice("/letters/".length);
  const personal =
    (request.method !== "GET" && request.method !== "HEAD") ||
    search !== "" ||
    ["rsc", "next-action", "next-router-prefetch", "next-router-state-tree"].some((name) => request.headers.has(name)) ||
    request.cookies.has("__prerender_bypass") ||
    isPageFill(request);
  if (personal || slug.includes("%")) return NextResponse.next();
  try {
    if (!(await getCachedPublicLetter({ slug }))) return NextResponse.next();
    return (await pageFromMemory(request, pathname)) ?? NextResponse.next();
  } catch {
    return NextResponse.next();
  }
}

// Without a session cookie there is nothing to see in /admin but the sign-in page.
function adminGate(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/admin/sign-in")) return NextResponse.next();
  const hasSession = request.cookies.has("authjs.session-token") || request.cookies.has("__Host-authjs.session-token");
  if (hasSession) return NextResponse.next();
  return NextResponse.redirect(new URL("/admin/sign-in", request.url));
}

// A page cannot choose its own status code, so an expired confirmation link gets its
// 410 here; the page itself renders the explanation. (Unknown links get their 404
// from the page's notFound().)
async function expiredLinkStatus(request: NextRequest) {
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
  const token = decodeURIComponent(request.nextUrl.pathname.slice("/verify/".length));
  try {
    await findConfirmation({ token });
  } catch (error) {
    if (error instanceof AppError && error.code === "token_expired") {
      // request.url, not nextUrl: nextUrl renames 127.0.0.1 to localhost, which would
      // turn this into a rewrite to another host.
      return NextResponse.rewrite(new URL(request.nextUrl.pathname, request.url), { status: 410 });
    }
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/verify/:token", "/admin", "/admin/:path*", "/api/letters/:slug/counts", "/letters/:slug"],
};
