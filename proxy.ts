import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "./lib/http/app-error";
import { countsFromMemory } from "./lib/counts/counts-answer";
import { negotiateLanguage } from "./lib/i18n/negotiate-language";
import { DEFAULT_LANGUAGE, isLanguageCode, type LanguageCode } from "./lib/i18n/languages";
import { LANGUAGE_CHOSEN_HEADER, LANGUAGE_HEADER } from "./lib/i18n/request-language";
import { getCachedPublicLetter } from "./lib/letters/get-cached-public-letter";
import { letterPageFromMemory } from "./lib/letters/letter-page-from-memory";
import { findDataRequest } from "./lib/signer-rights/find-data-request";
import { findConfirmation } from "./lib/signatures/confirm-signature";

/** An early answer, or null for Next; `headers` are the request's as Next must see them. */
type Answer = (request: NextRequest, language: LanguageCode, headers: Headers) => Promise<Response | null>;

// Early answers, by path. The public ones come from this process's memory (lib/memory,
// refreshed in every process when a letter changes); each answers null to let Next
// handle the request. None is a security boundary: every admin page, action and route
// handler checks the role itself.
const routes: [path: RegExp, answer: Answer][] = [
  [/^\/admin(\/|$)/, adminGate],
  [/^\/api\/letters\/[^/]+\/counts$/, countsFromMemory],
  [/^\/letters\/[^/]+$/, letterPageFromMemory],
  [/^\/verify\/[^/]+$/, (request, _language, headers) => expiredLinkStatus(request, headers, "/verify/", findConfirmation)],
  [/^\/my-data\/[^/]+$/, (request, _language, headers) => expiredLinkStatus(request, headers, "/my-data/", findDataRequest)],
  [/^\/unsubscribe\/[^/]+$/, oneClickUnsubscribe],
];

export async function proxy(request: NextRequest) {
  const language = await requestLanguage(request);
  const headers = withLanguage(request, language);
  const route = routes.find(([path]) => path.test(request.nextUrl.pathname));
  // (Every page says it differs by Accept-Language: next.config.ts.)
  return (route && (await route[1](request, language, headers))) ?? NextResponse.next({ request: { headers } });
}

// The language a page is answered in (lib/i18n/negotiate-language.ts). A letter's page,
// and the pages under it (its signatories, embed builder, check-email, report pages), fall
// back to the language its original is written in, so a reader goes on in the language
// the letter spoke to them in; every other page falls back to English. The admin area and
// the developer documentation (/docs) are in English for everyone.
async function requestLanguage(request: NextRequest): Promise<LanguageCode> {
  if (/^\/(admin|docs)(\/|$)/.test(request.nextUrl.pathname)) return DEFAULT_LANGUAGE;
  const asked = { lang: request.nextUrl.searchParams.get("lang"), acceptLanguage: request.headers.get("accept-language") };
  const letterSlug = /^\/letters\/([^/%]+)(\/|$)/.exec(request.nextUrl.pathname)?.[1];
  if (!letterSlug || isLanguageCode(asked.lang)) return negotiateLanguage(asked);
  const original = await getCachedPublicLetter({ slug: letterSlug }).then((letter) => letter?.language, () => undefined);
  return negotiateLanguage({ ...asked, fallback: isLanguageCode(original) ? original : undefined });
}

/**
 * The request's headers as Next sees them: the negotiated language, and whether the reader
 * chose it in ?lang= (their links then keep it), never either as a client sent them.
 */
function withLanguage(request: NextRequest, language: LanguageCode): Headers {
  const headers = new Headers(request.headers);
  headers.set(LANGUAGE_HEADER, language);
  headers.delete(LANGUAGE_CHOSEN_HEADER);
  if (request.nextUrl.searchParams.get("lang") === language) headers.set(LANGUAGE_CHOSEN_HEADER, "1");
  return headers;
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
async function expiredLinkStatus(request: NextRequest, headers: Headers, prefix: string, find: (link: { token: string }) => Promise<unknown>) {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  try {
    // A malformed escape (/verify/%ZZ) throws here, and is an unknown link like any other.
    await find({ token: decodeURIComponent(request.nextUrl.pathname.slice(prefix.length)) });
  } catch (error) {
    if (error instanceof AppError && error.status === 410) {
      // request.url, not nextUrl: nextUrl renames 127.0.0.1 to localhost, which would
      // turn this into a rewrite to another host.
      return NextResponse.rewrite(new URL(request.nextUrl.pathname, request.url), {
        status: 410,
        request: { headers },
      });
    }
  }
  return null;
}

// An update's unsubscribe link is a page (GET, which changes nothing) and, at the same
// address, the one-click POST of RFC 8058 that mail providers send: Next cannot hold a
// page and a route handler at one path, so the POST goes to the handler under /api.
async function oneClickUnsubscribe(request: NextRequest, _language: LanguageCode, headers: Headers) {
  if (request.method !== "POST") return null;
  const token = request.nextUrl.pathname.slice("/unsubscribe/".length);
  return NextResponse.rewrite(new URL(`/api/unsubscribe/${token}`, request.url), { request: { headers } });
}

export const config = {
  // Every page, so that each is answered in its reader's language and no client can name
  // one in LANGUAGE_HEADER; not Next's own files, the JSON API or the static files, which
  // go to Next without a detour. Two API paths come here: the counts, answered from
  // memory, and the signatures, whose signing stores the language its emails are written
  // in (from Accept-Language, negotiated here like any page's, never from a client's LANGUAGE_HEADER).
  // (Strict-Transport-Security is the server's, scripts/server.mjs.)
  matcher: [
    "/((?!_next/|api/|favicon\\.ico$|icon\\.svg$|embed\\.js$|world-map\\.svg$).*)",
    "/api/letters/:slug/counts",
    "/api/letters/:slug/signatures",
  ],
};
