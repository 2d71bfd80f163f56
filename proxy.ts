import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "./lib/http/app-error";
import { countsFromMemory } from "./lib/counts/counts-answer";
import { letterPageFromMemory } from "./lib/letters/letter-page-from-memory";
import { findDataRequest } from "./lib/signer-rights/find-data-request";
import { findConfirmation } from "./lib/signatures/confirm-signature";

// Early answers, by path. The public ones come from this process's memory (lib/memory,
// refreshed in every process when a letter changes); each answers null to let Next
// handle the request. None is a security boundary: every admin page, action and route
// handler checks the role itself.
const routes: [path: RegExp, answer: (request: NextRequest) => Promise<Response | null>][] = [
  [/^\/admin(\/|$)/, adminGate],
  [/^\/api\/letters\/[^/]+\/counts$/, countsFromMemory],
  [/^\/letters\/[^/]+$/, letterPageFromMemory],
  [/^\/verify\/[^/]+$/, (request) => expiredLinkStatus(request, "/verify/", findConfirmation)],
  [/^\/my-data\/[^/]+$/, (request) => expiredLinkStatus(request, "/my-data/", findDataRequest)],
];

export async function proxy(request: NextRequest) {
  const route = routes.find(([path]) => path.test(request.nextUrl.pathname));
  return (route && (await route[1](request))) ?? NextResponse.next();
}

// Without a session cookie there is nothing to see in /admin but the sign-in page.
async function adminGate(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/admin/sign-in")) return null;
  const hasSession = request.cookies.has("authjs.session-token") || request.cookies.has("__Host-authjs.session-token");
  return hasSession ? null : NextResponse.redirect(new URL("/admin/sign-in", request.url));
}

// A page cannot choose its own status code, so an expired link (a confirmation, a data
// request) gets its 410 here; the page itself renders the explanation. (Unknown links
// get their 404 from the page's notFound().)
async function expiredLinkStatus(request: NextRequest, prefix: string, find: (link: { token: string }) => Promise<unknown>) {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  try {
    // A malformed escape (/verify/%ZZ) throws here, and is an unknown link like any other.
    await find({ token: decodeURIComponent(request.nextUrl.pathname.slice(prefix.length)) });
  } catch (error) {
    if (error instanceof AppError && error.status === 410) {
      // request.url, not nextUrl: nextUrl renames 127.0.0.1 to localhost, which would
      // turn this into a rewrite to another host.
      return NextResponse.rewrite(new URL(request.nextUrl.pathname, request.url), { status: 410 });
    }
  }
  return null;
}

export const config = {
  // Only the paths above: every other request goes to Next without a detour.
  // (Strict-Transport-Security is the server's, scripts/server.mjs.)
  matcher: ["/admin", "/admin/:path*", "/api/letters/:slug/counts", "/letters/:slug", "/verify/:token", "/my-data/:token"],
};
