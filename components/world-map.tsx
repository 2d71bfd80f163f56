import type { CountryCount } from "@/lib/counts/letter-counts";
import { useLocale, useTranslations } from "next-intl";
import { formatCount } from "@/lib/format";
import { MAP_HEIGHT, MAP_WIDTH, worldSprite } from "./world-map-shapes";
import { WorldMapCountries } from "./world-map-countries";
import { WorldMapPointer } from "./world-map-pointer";

// Shades, lightest to darkest, for counts on a log scale: one viral country must not
// wash every other country out to the lightest shade.
const SHADES = ["#dbe6fe", "#a9c2fb", "#6e97f3", "#1d4ed8", "#172554"];

export function shadeIndex(count: number, max: number): number {
  if (count <= 0 || max <= 0) return -1;
  if (max === 1) return SHADES.length - 1;
  return Math.min(SHADES.length - 1, Math.floor((Math.log(count) / Math.log(max)) * SHADES.length));
}

/**
 * A world map shaded by signatures per country, rendered on the server: the whole world
 * in grey from the cached outline sprite, then each country with signatures on top, in
 * its shade, as an image named by its count (role="img": `<use>` takes no aria-label of its
 * own). Those can be focused by keyboard; pointer and focus show name and count through a
 * small client component. The country table is the text equivalent of the whole map.
 */
export function WorldMap({ countries }: { countries: CountryCount[] }) {
  const t = useTranslations("letter");
  const locale = useLocale();
  const { version, codes } = worldSprite();
  const max = countries[0]?.total ?? 0;
  const floors = SHADES.map((_, i) => Math.max(1, Math.ceil(max ** (i / SHADES.length))));
  const legend = SHADES.map((color, i) => ({ color, from: floors[i] })).filter(
    (item, i, all) => item.from <= max && (i === 0 || item.from !== all[i - 1].from),
  );
  return (
    <figure className="rounded-xl border border-stone-200 bg-white p-3 sm:p-4" data-testid="world-map">
      <WorldMapPointer>
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          className="block h-auto w-full [&_use[tabindex]]:cursor-pointer [&_use[tabindex]]:outline-none [&_use[tabindex]:focus-visible]:stroke-amber-400 [&_use[tabindex]:focus-visible]:[stroke-width:2] [&_use[tabindex]:hover]:opacity-80"
          role="group"
          aria-label={t("mapLabel")}
          stroke="#fff"
          strokeWidth={0.5}
        >
          <use href={`/world-map.svg?v=${version}#world`} fill="#e7e5e4" />
          <WorldMapCountries
            version={version}
            countries={countries
              .filter((c) => codes.has(c.country))
              .map((c) => [c.country, SHADES[shadeIndex(c.total, max)], t("mapCountry", { country: c.name, count: c.total })])}
          />
        </svg>
      </WorldMapPointer>
      <figcaption className="mt-3 flex flex-wrap items-center justify-between gap-x-6 gap-y-2 text-xs text-stone-600">
        <span>{t("mapCaption")}</span>
        {legend.length > 0 ? (
          <span className="flex items-center gap-1.5" aria-hidden="true">
            {legend.map(({ color, from }) => (
              <span key={color} className="flex items-center gap-1">
                <span className="inline-block size-3 rounded-sm" style={{ background: color }} />
                <span className="tabular-nums">{formatCount(from, locale)}+</span>
              </span>
            ))}
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
