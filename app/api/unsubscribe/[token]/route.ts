import { clientIp } from "@/lib/http/client-address";
import { json, preflight, route } from "@/lib/http/responses";
import { consumeLimit } from "@/lib/http/rate-limit";
import { isLanguageCode } from "@/lib/i18n/languages";
import { unsubscribeFromUpdates } from "@/lib/updates/unsubscribe-from-updates";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

/**
 * Unsubscribes from a letter's updates (lib/updates/). `POST /unsubscribe/{token}` comes
 * here (proxy.ts): a mail provider's one-click POST (RFC 8058: the body
 * `List-Unsubscribe=One-Click`, form-encoded, no cookies, from anywhere) gets 200; the
 * unsubscribe page's button gets a 303 back to the page, which then says it is done. No
 * sign-in: the token is the proof. Limited per client like the other token links, loosely:
 * a large mail provider sends many people's one-click POSTs from few addresses.
 */
export const POST = route(async (request: Request, { params }: Context) => {
  const { token } = await params;
  await consumeLimit("unsubscribe", clientIp(request.headers), UNSUBSCRIBE_LIMIT);
  const form = await formFields(request);
  await unsubscribeFromUpdates({ token });
  if (form.get("List-Unsubscribe") === "One-Click" || form.get("from") !== "page") {
    return json({ status: "unsubscribed" }, { headers: { "Cache-Control": "no-store" } });
  }
  const lang = form.get("lang");
  const page = new URL(`/unsubscribe/${encodeURIComponent(token)}`, request.url);
  if (isLanguageCode(lang)) page.searchParams.set("lang", lang);
  return new Response(null, { status: 303, headers: { Location: `${page.pathname}${page.search}`, "Cache-Control": "no-store" } });
}, { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });

export const OPTIONS = preflight;

/** Per client address: far more than any person needs. */
const UNSUBSCRIBE_LIMIT = { points: 300, durationS: 10 * 60 };

/** The body's fields, whatever form it came in; a body that is not a form has none. */
async function formFields(request: Request): Promise<URLSearchParams> {
  const text = await request.text().catch(() => "");
  return new URLSearchParams(text.length <= 2_000 ? text : "");
}
