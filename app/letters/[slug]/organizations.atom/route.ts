import { getTranslations } from "next-intl/server";
import { organizationsAtom } from "@/lib/export/organizations-atom";
import { cachedResponse, preflight, route } from "@/lib/http/responses";
import { DEFAULT_LANGUAGE, isLanguageCode } from "@/lib/i18n/languages";
import { publicLetterOrNotFound } from "@/lib/letters/get-cached-public-letter";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

// The organisations newly listed on the letter, as an Atom feed (lib/export/organizations-atom.ts),
// titled in the letter's own language, as its title is.
export const GET = route(async (request: Request, { params }: Context) => {
  const { slug } = await params;
  const letter = await publicLetterOrNotFound(slug);
  const t = await getTranslations({ locale: isLanguageCode(letter.language) ? letter.language : DEFAULT_LANGUAGE, namespace: "letter" });
  const feed = await organizationsAtom({ letter, title: t("organizationsFeed", { title: letter.title }), author: t("siteName") });
  // 5 s, like the copy in memory: a withdrawn organisation leaves the feed within 5 s.
  return cachedResponse(request, feed, "public, max-age=5, s-maxage=5", { "X-Content-Type-Options": "nosniff" });
});

export const OPTIONS = preflight;
