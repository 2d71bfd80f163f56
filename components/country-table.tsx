import type { CountryCount } from "@/lib/counts/letter-counts";
import { formatCount } from "@/lib/format";

const SHOWN_FIRST = 12;

/**
 * Signatures by country: the accessible equivalent of any chart. Past the first dozen,
 * rows fold away behind a checkbox toggle (plain CSS, so it works without script).
 */
export function CountryTable({ countries }: { countries: CountryCount[] }) {
  if (countries.length === 0) {
    return <p className="text-stone-600">No confirmed signatures yet. Yours could be the first.</p>;
  }
  const folds = countries.length > SHOWN_FIRST + 3;
  return (
    <div className="group">
      <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="country-table">
          <caption className="sr-only">Confirmed signatures by country</caption>
          <thead className="bg-stone-50 text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2.5 sm:px-4 font-medium">Country</th>
              <th scope="col" className="px-3 py-2.5 sm:px-4 text-right font-medium">Individuals</th>
              <th scope="col" className="px-3 py-2.5 sm:px-4 text-right font-medium">Organisations</th>
              <th scope="col" className="px-3 py-2.5 sm:px-4 text-right font-medium">Total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {countries.map((c, i) => (
              <tr key={c.country} className={folds && i >= SHOWN_FIRST ? "hidden group-has-[#all-countries:checked]:table-row" : undefined}>
                <th scope="row" className="px-3 py-2 sm:px-4 font-medium text-stone-900">{c.name}</th>
                <td className="px-3 py-2 sm:px-4 text-right tabular-nums">{formatCount(c.individuals)}</td>
                <td className="px-3 py-2 sm:px-4 text-right tabular-nums">{formatCount(c.organizations)}</td>
                <td className="px-3 py-2 sm:px-4 text-right font-semibold tabular-nums">{formatCount(c.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {folds ? (
        <label className="mt-3 inline-flex cursor-pointer items-center gap-2 text-sm font-medium text-brand-700 has-focus-visible:outline-2 has-focus-visible:outline-brand-600">
          <input id="all-countries" type="checkbox" className="sr-only" />
          <span className="group-has-[#all-countries:checked]:hidden">Show all {countries.length} countries</span>
          <span className="hidden group-has-[#all-countries:checked]:inline">Show the top {SHOWN_FIRST} only</span>
        </label>
      ) : null}
    </div>
  );
}
