import type { CountryCount } from "@/lib/counts/letter-counts";
import { countryName } from "@/lib/countries";
import { formatCount, plural } from "@/lib/format";
import { MAP_HEIGHT, MAP_WIDTH, countryShapes } from "./world-map-shapes";
import { WorldMapPointer } from "./world-map-pointer";

// Shades, lightest to darkest, for counts on a log scale: one viral country must not
// wash every other country out to the lightest shade.
const SHADES = ["#dbe6fe", "#a9c2fb", "#6e97f3", "#1d4ed8", "#172554"];
const EMPTY = "#e7e5e4";

export function shadeIndex(count: number, max: number): number {
  if (count <= 0 || max <= 0) return -1;
  if (max === 1) return SHADES.length - 1;
  const t = Math.log(count) / Math.log(max);
  return Math.min(SHADES.length - 1, Math.floor(t * SHADES.length));
}

/** The lowest count of each shade, for the legend. */
function shadeFloors(max: number): number[] {
  return SHADES.map((_, i) => Math.max(1, Math.ceil(max ** (i / SHADES.length))));
}

/**
 * A world map shaded by signatures per country, rendered on the server. Countries with
 * signatures can be focused by keyboard; pointer and focus show name and count through
 * a small client component. The country table below it is the accessible equivalent.
 */
export function WorldMap({ countries }: { countries: CountryCount[] }) {
  const byCode = new Map(countries.map((c) => [c.country, c.total]));
  const max = countries[0]?.total ?? 0;
  const floors = shadeFloors(max);
  const legend = SHADES.map((color, i) => ({ color, from: floors[i] })).filter(
    (item, i, all) => item.from <= max && (i === 0 || item.from !== all[i - 1].from),
  );
  return (
    <figure className="rounded-xl border border-stone-200 bg-white p-3 sm:p-4" data-testid="world-map">
      <WorldMapPointer>
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          className="block h-auto w-full"
          role="group"
          aria-label="World map of signatures by country"
        >
          {countryShapes().map(({ code, d }, i) => {
            const count = byCode.get(code) ?? 0;
            const shade = shadeIndex(count, max);
            const label = `${countryName(code)}: ${plural(count, "signature", "signatures")}`;
            return (
              <path
                key={`${code}-${i}`}
                d={d}
                fill={shade < 0 ? EMPTY : SHADES[shade]}
                stroke="#fff"
                strokeWidth={0.5}
                data-country={code}
                data-label={label}
                tabIndex={count > 0 ? 0 : undefined}
                aria-label={count > 0 ? label : undefined}
                className={count > 0 ? "cursor-pointer outline-none hover:opacity-80 focus-visible:stroke-amber-400 focus-visible:[stroke-width:2]" : undefined}
              />
            );
          })}
        </svg>
      </WorldMapPointer>
      <figcaption className="mt-3 flex flex-wrap items-center justify-between gap-x-6 gap-y-2 text-xs text-stone-600">
        <span>Shaded by confirmed signatures. Hover or tab to a country to see its count.</span>
        {legend.length > 0 ? (
          <span className="flex items-center gap-1.5" aria-hidden="true">
            {legend.map(({ color, from }) => (
              <span key={color} className="flex items-center gap-1">
                <span className="inline-block size-3 rounded-sm" style={{ background: color }} />
                <span className="tabular-nums">{formatCount(from)}+</span>
              </span>
            ))}
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
