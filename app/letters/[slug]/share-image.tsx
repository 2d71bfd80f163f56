import { ImageResponse } from "next/og";
import { letterCounts } from "@/lib/counts/letter-counts";
import { getLocale, getTranslations } from "next-intl/server";
import { formatCount } from "@/lib/format";
import { DEFAULT_LANGUAGE, type LanguageCode } from "@/lib/i18n/languages";
import { letterNotFound } from "@/lib/http/app-error";
import { errorResponse } from "@/lib/http/responses";
import { getCachedPublicLetter } from "@/lib/letters/get-cached-public-letter";
import { letterInLanguage } from "@/lib/letters/letter-in-language";
import { whenLetterChanges } from "@/lib/memory/letter-changed";
import { timedCache } from "@/lib/memory/timed-cache";
import { getEnv } from "@/lib/env";
import { isSlug } from "@/lib/validation/letter";

// The card shown where a letter is shared (Open Graph and X), with the count as it
// stands. next/og draws it with its bundled font, so nothing is fetched to render it.
//
// Drawing a card costs tens of milliseconds of CPU, and anyone may ask for it in a loop:
// an unknown letter gets its 404 before anything is drawn, and a card is drawn once per
// letter and count bucket (the count to two significant figures, "1,200+", read from the
// counts kept in memory), then kept until the letter is edited.
//
// A card is in the language its own request negotiates (proxy.ts: ?lang=, then
// Accept-Language, else English): Next gives these images a fixed address, so the page
// cannot name its language in it, and most crawlers ask for none. Its words and the
// letter's title are in that language where next/og's bundled font (Geist) draws its
// script; Arabic gets the English card, as drawing it would fetch a font from Google.
const DRAWN_LANGUAGES: ReadonlySet<string> = new Set<LanguageCode>(["en", "fr", "de", "es"]);

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 };
export const SHARE_IMAGE_ALT = "The letter's title and how many people and organisations have signed it";
const CACHE_CONTROL = "public, max-age=300, s-maxage=300, stale-while-revalidate=3600";

const cards = timedCache<Uint8Array<ArrayBuffer>>("share-images", { ttlMs: 24 * 60 * 60 * 1000, max: 200 });
// The title, kind or goal may have changed.
whenLetterChanges("share-images", ({ what }) => what === "letter" && cards.forget());

/** The count a card shows: exact below 100, else rounded down to two significant figures (1,234 is 1,200). */
export function countBucket(total: number): number {
  if (total < 100) return total;
  const step = 10 ** (String(total).length - 2);
  return Math.floor(total / step) * step;
}

export async function shareImage(slug: string): Promise<Response> {
  const letter = isSlug(slug) ? await getCachedPublicLetter({ slug }) : null;
  if (!letter) return errorResponse(letterNotFound());
  const asked = await getLocale();
  const language = DRAWN_LANGUAGES.has(asked) ? asked : DEFAULT_LANGUAGE;
  const [counts, text] = await Promise.all([letterCounts(letter.id, letter.createdAt), letterInLanguage({ letter, language })]);
  const card = {
    language,
    kind: letter.kind,
    title: text.title,
    goal: letter.goal,
    shown: countBucket(counts.total),
    more: countBucket(counts.total) < counts.total,
    countries: counts.countries.length,
    goalReached: letter.goal !== null && counts.total >= letter.goal,
  };
  const key = [letter.id, language, card.shown, card.more, card.countries, card.goalReached].join(":");
  const png = await cards.get(key, async () => new Uint8Array(await (await drawCard(card)).arrayBuffer()));
  return new Response(png, { headers: { "Content-Type": "image/png", "Cache-Control": CACHE_CONTROL } });
}

type Card = { language: string; kind: string; title: string; goal: number | null; shown: number; more: boolean; countries: number; goalReached: boolean };

async function drawCard({ language, kind, title, goal, shown, more, countries, goalReached }: Card): Promise<ImageResponse> {
  const t = await getTranslations({ locale: language });
  const count = (n: number) => formatCount(n, language);
  const progress = !goal ? null : goalReached ? 100 : Math.min(99, Math.round((shown / goal) * 100));
  const host = new URL(getEnv().APP_URL).host;
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: "#fafaf9", color: "#1c1917", padding: "64px 72px", borderTop: "16px solid #1d4ed8" }}>
        <div style={{ display: "flex", fontSize: 26, fontWeight: 600, letterSpacing: 2, textTransform: "uppercase", color: "#1e40af" }}>
          {kind === "statement" ? t("letter.kindStatement") : t("letter.kindOpenLetter")}
        </div>
        <div style={{ display: "flex", marginTop: 20, fontSize: title.length > 70 ? 50 : 60, fontWeight: 700, lineHeight: 1.15, maxHeight: 220, overflow: "hidden" }}>
          {title}
        </div>
        <div style={{ display: "flex", flexGrow: 1 }} />
        <div style={{ display: "flex", alignItems: "baseline", gap: 20 }}>
          <div style={{ display: "flex", fontSize: 96, fontWeight: 700, letterSpacing: -2 }}>{`${count(shown)}${more ? "+" : ""}`}</div>
          <div style={{ display: "flex", fontSize: 36, color: "#57534e" }}>
            {/* one string: satori lays out each text child as its own flex item */}
            {countries > 0 ? t("shareCard.fromCountries", { count: shown, countries }) : t("shareCard.signatures", { count: shown })}
          </div>
        </div>
        {progress !== null && goal ? (
          <div style={{ display: "flex", flexDirection: "column", marginTop: 16 }}>
            <div style={{ display: "flex", height: 18, borderRadius: 9, background: "#e7e5e4", overflow: "hidden" }}>
              <div style={{ display: "flex", width: `${Math.max(progress, 1)}%`, background: "#1d4ed8", borderRadius: 9 }} />
            </div>
            <div style={{ display: "flex", marginTop: 10, fontSize: 26, color: "#57534e" }}>
              {goalReached ? t("shareCard.goalReached", { goal: count(goal) }) : t("shareCard.ofGoal", { progress: progress / 100, goal: count(goal) })}
            </div>
          </div>
        ) : null}
        <div style={{ display: "flex", justifyContent: "space-between", marginTop: 28, fontSize: 26, color: "#78716c" }}>
          <div style={{ display: "flex", fontWeight: 600, color: "#1c1917" }}>{t("letter.siteName")}</div>
          <div style={{ display: "flex" }}>{host}</div>
        </div>
      </div>
    ),
    SHARE_IMAGE_SIZE,
  );
}
