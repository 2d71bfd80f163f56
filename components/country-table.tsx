import type { CountryCount } from "@/lib/counts/letter-counts";
import { formatCount } from "@/lib/format";

export function CountryTable({ countries }: { countries: CountryCount[] }) {
  if (countries.length === 0) {
    return <p className="text-stone-600">No confirmed signatures yet. Yours could be the first.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="country-table">
        <caption className="sr-only">Confirmed signatures by country</caption>
        <thead className="bg-stone-50 text-stone-600">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">Country</th>
            <th scope="col" className="px-4 py-2.5 text-right font-medium">Individuals</th>
            <th scope="col" className="px-4 py-2.5 text-right font-medium">Organisations</th>
            <th scope="col" className="px-4 py-2.5 text-right font-medium">Total</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {countries.map((c) => (
            <tr key={c.country}>
              <th scope="row" className="px-4 py-2 font-medium text-stone-900">{c.name}</th>
              <td className="px-4 py-2 text-right tabular-nums">{formatCount(c.individuals)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatCount(c.organizations)}</td>
              <td className="px-4 py-2 text-right font-semibold tabular-nums">{formatCount(c.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
