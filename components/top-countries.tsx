import { useLocale, useTranslations } from "next-intl";
import type { CountryCount } from "@/lib/counts/letter-counts";
import { formatCount } from "@/lib/format";
import { TopCountryBars, type CountryBar } from "./top-country-bars";

/** The countries with the most signatures, as bars against the leading country. */
export function TopCountries({ countries, limit = 8 }: { countries: CountryCount[]; limit?: number }) {
  const t = useTranslations("letter");
  const locale = useLocale();
  const top = countries.slice(0, limit);
  const max = top[0]?.total ?? 0;
  if (top.length === 0) return null;
  return (
    <section aria-labelledby="top-countries-heading" className="rounded-xl border border-stone-200 bg-white p-5">
      <h3 id="top-countries-heading" className="text-sm font-semibold text-stone-900">
        {t("topCountries")}
      </h3>
      <ol className="mt-3 space-y-2.5" data-testid="top-countries">
        <TopCountryBars bars={top.map((c): CountryBar => [c.name, formatCount(c.total, locale), Math.max(2, Math.round((c.total / max) * 1000) / 10)])} />
      </ol>
    </section>
  );
}
