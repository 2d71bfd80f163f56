import type { CountryCount } from "@/lib/counts/letter-counts";
import { formatCount } from "@/lib/format";

/** The countries with the most signatures, as bars against the leading country. */
export function TopCountries({ countries, limit = 8 }: { countries: CountryCount[]; limit?: number }) {
  const top = countries.slice(0, limit);
  const max = top[0]?.total ?? 0;
  if (top.length === 0) return null;
  return (
    <section aria-labelledby="top-countries-heading" className="rounded-xl border border-stone-200 bg-white p-5">
      <h3 id="top-countries-heading" className="text-sm font-semibold text-stone-900">
        Top countries
      </h3>
      <ol className="mt-3 space-y-2.5" data-testid="top-countries">
        {top.map((c) => (
          <li key={c.country} className="text-sm">
            <div className="flex items-baseline justify-between gap-3">
              <span className="truncate text-stone-800">{c.name}</span>
              <span className="font-semibold tabular-nums text-stone-900">{formatCount(c.total)}</span>
            </div>
            <div className="mt-1 h-2 overflow-hidden rounded-full bg-stone-100" aria-hidden="true">
              <div className="h-full rounded-full bg-brand-600" style={{ width: `${Math.max(2, (c.total / max) * 100)}%` }} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
