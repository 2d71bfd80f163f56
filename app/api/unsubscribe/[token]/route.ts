import { expectedError } from "@/lib/http/app-error";
import { clientIp } from "@/lib/http/client-address";
import { json, route } from "@/lib/http/responses";
import { limitMisses } from "@/lib/http/rate-limit";
import { isLanguageCode } from "@/lib/i18n/languages";
import type { UnsubscribeAnswer } from "@/lib/updates/unsubscribe-answer";
import { unsubscribeFromUpdates } from "@/lib/updates/unsubscribe-from-updates";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

/**
 * Unsubscribes from a letter's updates (lib/updates/). `POST /unsubscribe/{token}` comes
 * here (proxy.ts): a mail provider's one-click POST (RFC 8058: the body
 * `List-Unsubscribe=One-Click`, form-encoded, no cookies, from anywhere) gets 200; the
 * unsubscribe page's button gets a 303 back to the page, which then says it is done. No
 * sign-in: the token is the proof. A client is limited by its unknown links only: a large
 * mail provider sends many people's one-click POSTs from few addresses, and a refused
 * one-click is an unsubscribe lost (nobody presses it again).
 */
export const POST = route(async (request: Request, { params }: Context) => {
  const { token } = await params;
  const form = await formFields(request);
  const fromPage = form.get("from") === "page" && form.get("List-Unsubscribe") !== "One-Click";
  try {
    await limitMisses("unsubscribe", clientIp(request.headers), UNSUBSCRIBE_LIMIT, () => unsubscribeFromUpdates({ token }), isUnknownLink);
  } catch (error) {
    // The page's button goes back to the page, which says what went wrong in its reader's language.
    const expected = expectedError(error);
    if (!fromPage || !expected || expected.status === 404) throw error;
    return backToPage(token, form, expected.code);
  }
  return fromPage ? backToPage(token, form) : json({ status: "unsubscribed" } satisfies UnsubscribeAnswer);
  // No CORS: a mail provider's server, or a form on any site, needs none to be heard.
}, { cors: false, headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });

function backToPage(token: string, form: URLSearchParams, problem?: string): Response {
  const query = new URLSearchParams();
  const lang = form.get("lang");
  if (isLanguageCode(lang)) query.set("lang", lang);
  if (problem) query.set("problem", problem);
  const location = `/unsubscribe/${encodeURIComponent(token)}${query.size > 0 ? `?${query}` : ""}`;
  return new Response(null, { status: 303, headers: { Location: location } });
}

/** Unknown links per client address: far more than any person mistypes. */
const UNSUBSCRIBE_LIMIT = { points: 300, durationS: 10 * 60 };

const isUnknownLink = (error: unknown) => expectedError(error)?.status === 404;

/** The body's fields, whatever form it came in; a body that is not a form has none. */
async function formFields(request: Request): Promise<URLSearchParams> {
  const text = await request.text().catch(() => "");
  return new URLSearchParams(text.length <= 2_000 ? text : "");
}
