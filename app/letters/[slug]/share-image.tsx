import { ImageResponse } from "next/og";
import { letterCounts } from "@/lib/counts/letter-counts";
import { KIND_LABEL, formatCount, plural } from "@/lib/format";
import { getCachedPublicLetter } from "@/lib/letters/get-cached-public-letter";
import { getEnv } from "@/lib/env";

// The card shown where a letter is shared (Open Graph and X), with the count as it
// stands. next/og draws it with its bundled font, so nothing is fetched to render it.

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 };
export const SHARE_IMAGE_ALT = "The letter's title and how many people and organisations have signed it";

export async function shareImage(slug: string): Promise<ImageResponse> {
  const letter = await getCachedPublicLetter({ slug });
  const counts = letter ? await letterCounts(letter.id, letter.createdAt) : null;
  const title = letter?.title ?? "Open Letters";
  const progress = letter?.goal && counts ? Math.min(100, Math.round((counts.total / letter.goal) * 100)) : null;
  const host = new URL(getEnv().APP_URL).host;
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: "#fafaf9", color: "#1c1917", padding: "64px 72px", borderTop: "16px solid #1d4ed8" }}>
        <div style={{ display: "flex", fontSize: 26, fontWeight: 600, letterSpacing: 2, textTransform: "uppercase", color: "#1e40af" }}>
          {letter ? (KIND_LABEL[letter.kind] ?? "Open letter") : "Open letters"}
        </div>
        <div style={{ display: "flex", marginTop: 20, fontSize: title.length > 70 ? 50 : 60, fontWeight: 700, lineHeight: 1.15, maxHeight: 220, overflow: "hidden" }}>
          {title}
        </div>
        <div style={{ display: "flex", flexGrow: 1 }} />
        {counts ? (
          <div style={{ display: "flex", alignItems: "baseline", gap: 20 }}>
            <div style={{ display: "flex", fontSize: 96, fontWeight: 700, letterSpacing: -2 }}>{formatCount(counts.total)}</div>
            <div style={{ display: "flex", fontSize: 36, color: "#57534e" }}>
              {/* one string: satori lays out each text child as its own flex item */}
              {`${counts.total === 1 ? "signature" : "signatures"}${counts.countries.length > 0 ? ` from ${plural(counts.countries.length, "country", "countries")}` : ""}`}
            </div>
          </div>
        ) : null}
        {progress !== null && letter?.goal ? (
          <div style={{ display: "flex", flexDirection: "column", marginTop: 16 }}>
            <div style={{ display: "flex", height: 18, borderRadius: 9, background: "#e7e5e4", overflow: "hidden" }}>
              <div style={{ display: "flex", width: `${Math.max(progress, 1)}%`, background: "#1d4ed8", borderRadius: 9 }} />
            </div>
            <div style={{ display: "flex", marginTop: 10, fontSize: 26, color: "#57534e" }}>
              {counts && counts.total >= letter.goal ? `Goal of ${formatCount(letter.goal)} reached` : `${progress}% of the goal of ${formatCount(letter.goal)}`}
            </div>
          </div>
        ) : null}
        <div style={{ display: "flex", justifyContent: "space-between", marginTop: 28, fontSize: 26, color: "#78716c" }}>
          <div style={{ display: "flex", fontWeight: 600, color: "#1c1917" }}>Open Letters</div>
          <div style={{ display: "flex" }}>{host}</div>
        </div>
      </div>
    ),
    { ...SHARE_IMAGE_SIZE, headers: { "Cache-Control": "public, max-age=300, s-maxage=300, stale-while-revalidate=3600" } },
  );
}
