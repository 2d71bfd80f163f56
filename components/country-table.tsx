import { useLocale, useTranslations } from "next-intl";
import type { CountryCount } from "@/lib/counts/letter-counts";
import { formatCount } from "@/lib/format";
import { CountryRows, type CountryRow } from "./country-rows";

const SHOWN_FIRST = 12;

/**
 * Signatures by country: the accessible equivalent of any chart. Past the first dozen,
 * rows fold away behind a checkbox toggle (plain CSS, so it works without script).
 */
export function CountryTable({ countries }: { countries: CountryCount[] }) {
  const t = useTranslations("letter");
  const locale = useLocale();
  if (countries.length === 0) {
    return <p className="text-stone-600">{t("noSignaturesYet")}</p>;
  }
  const folds = countries.length > SHOWN_FIRST + 3;
  // Numbers formatted here, on the server: the browser's Intl may write Arabic's digits differently.
  const count = (n: number) => formatCount(n, locale);
  const rows = countries.map((c): CountryRow => [c.country, c.name, count(c.individuals), count(c.organizations), count(c.total)]);
  // Cell styles are set once on the table, not on each of up to 200 rows: a popular
  // letter's readers download the page many times.
  return (
    <div className="group">
      <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
        <table
          className="w-full text-start text-sm [&_tbody_th]:text-start [&_td]:px-2 [&_td]:py-2 [&_td]:text-end [&_td]:tabular-nums sm:[&_td]:px-4 [&_td:last-child]:font-semibold [&_tbody_th]:px-2 [&_tbody_th]:py-2 [&_tbody_th]:font-medium [&_tbody_th]:text-stone-900 sm:[&_tbody_th]:px-4"
          data-testid="country-table"
        >
          <caption className="sr-only">{t("countryTableCaption")}</caption>
          <thead className="bg-stone-50 text-stone-600">
            <tr>
              {/* Short headings on a phone, so that the Total column fits without scrolling. */}
              <th scope="col" className="px-2 py-2.5 text-start font-medium sm:px-4">{t("country")}</th>
              <th scope="col" className="px-2 py-2.5 sm:px-4 text-end font-medium">
                <span className="sm:hidden">{t("peopleShort")}</span>
                <span className="hidden sm:inline">{t("individuals")}</span>
              </th>
              <th scope="col" className="px-2 py-2.5 sm:px-4 text-end font-medium">
                <span className="sm:hidden">{t("orgsShort")}</span>
                <span className="hidden sm:inline">{t("organizations")}</span>
              </th>
              <th scope="col" className="px-2 py-2.5 sm:px-4 text-end font-medium">{t("total")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100"><CountryRows rows={folds ? rows.slice(0, SHOWN_FIRST) : rows} /></tbody>
          {folds ? (
            <tbody className="hidden divide-y divide-stone-100 border-t border-stone-100 group-has-[#all-countries:checked]:table-row-group">
              <CountryRows rows={rows.slice(SHOWN_FIRST)} />
            </tbody>
          ) : null}
        </table>
      </div>
      {folds ? (
        <label className="mt-3 inline-flex cursor-pointer items-center gap-2 text-sm font-medium text-brand-700 has-focus-visible:outline-2 has-focus-visible:outline-brand-600">
          <input id="all-countries" type="checkbox" className="sr-only" />
          <span className="group-has-[#all-countries:checked]:hidden">{t("showAllCountries", { count: countries.length })}</span>
          <span className="hidden group-has-[#all-countries:checked]:inline">{t("showTopCountries", { count: SHOWN_FIRST })}</span>
        </label>
      ) : null}
    </div>
  );
}
