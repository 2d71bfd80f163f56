import { countsRepresentation } from "@/lib/counts/counts-representation";
import { COUNTS_CACHE_CONTROL, letterCounts, type LetterCounts } from "@/lib/counts/letter-counts";
import { cachedResponse, representation, type Representation } from "@/lib/http/responses";
import { getCachedPublicLetter } from "@/lib/letters/get-cached-public-letter";
import type { PublicLetter } from "@/lib/letters/get-public-letter";
import { escapeHtml } from "./html";
import { DEFAULT_LANGUAGE, isLanguageCode } from "@/lib/i18n/languages";
import { publishedTranslation } from "@/lib/letters/published-translations";
import { LANGUAGE_HEADER } from "@/lib/i18n/request-language";
import { namesLanguage, optionsKey, widgetOptions } from "./options";
import { widgetStrings } from "./strings";
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
// of options (a small, fixed number: a widget without `lang` is kept once per language
// its readers' Accept-Language finds, as proxy.ts negotiated it).
const rendered = new WeakMap<LetterCounts, { letter: PublicLetter; pages: Map<string, Representation> }>();

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const query = new URL(request.url).searchParams;
  const readerLanguage = request.headers.get(LANGUAGE_HEADER);
  const options = widgetOptions(query, isLanguageCode(readerLanguage) ? readerLanguage : undefined);
  // Without `lang`, the answer depends on Accept-Language, and caches must know.
  const headers = namesLanguage(query) ? HEADERS : { ...HEADERS, Vary: "Accept-Encoding, Accept-Language" };
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
    const strings = await widgetStrings(options.lang);
    // The letter as a reader of the widget's language finds it: its published
    // translation's title, and a link that opens the page in that language.
    const translation = isLanguageCode(options.lang) ? await publishedTranslation(letter.id, options.lang) : null;
    const letterUrl = isLanguageCode(options.lang) && options.lang !== DEFAULT_LANGUAGE ? `/letters/${slug}?lang=${options.lang}` : `/letters/${slug}`;
    const shown = translation ? { ...letter, title: translation.title } : letter;
    page = representation(renderWidget({ letter: shown, counts, countsEtag, letterUrl, options, strings }), HTML);
    entry.pages.set(key, page);
  }
  return cachedResponse(request, page, COUNTS_CACHE_CONTROL, headers);
}
