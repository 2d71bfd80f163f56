"use client";

/** A country's bar: name, total (written in the reader's language), bar width in percent of the leading country. */
export type CountryBar = [name: string, total: string, width: number];

/**
 * The bars of the top countries. A client component only so that React's payload
 * carries these compact rows rather than a second copy of each bar's markup: the list
 * is rendered on the server all the same.
 */
export function TopCountryBars({ bars }: { bars: CountryBar[] }) {
  return bars.map(([name, total, width]) => (
    <li key={name} className="text-sm">
      <div className="flex items-baseline justify-between gap-3">
        <span className="truncate text-stone-800">{name}</span>
        <span className="font-semibold tabular-nums text-stone-900">{total}</span>
      </div>
      <div className="mt-1 h-2 overflow-hidden rounded-full bg-stone-100" aria-hidden="true">
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${width}%` }} />
      </div>
    </li>
  ));
}
