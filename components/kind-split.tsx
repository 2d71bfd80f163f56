import { useLocale, useTranslations } from "next-intl";
import { formatCount } from "@/lib/format";

/** How the total divides between individuals and organisations, as one split bar. */
export function KindSplit({ individuals, organizations }: { individuals: number; organizations: number }) {
  const t = useTranslations("letter");
  const locale = useLocale();
  const total = individuals + organizations;
  if (total === 0) return null;
  // The two shares always add up to 100.
  const individualShare = Math.round((individuals / total) * 100);
  return (
    <section aria-labelledby="kind-split-heading" className="rounded-xl border border-stone-200 bg-white p-5">
      <h3 id="kind-split-heading" className="text-sm font-semibold text-stone-900">
        {t("whoHasSigned")}
      </h3>
      <div className="mt-3 flex h-3 overflow-hidden rounded-full bg-stone-100" aria-hidden="true">
        <div className="bg-brand-600" style={{ width: `${(individuals / total) * 100}%` }} />
        <div className="bg-amber-500" style={{ width: `${(organizations / total) * 100}%` }} />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="flex items-center gap-2 text-stone-600">
            <span aria-hidden="true" className="inline-block size-2.5 rounded-sm bg-brand-600" />
            {t("individuals")}
          </dt>
          <dd className="ps-4.5 font-semibold tabular-nums text-stone-900">
            {formatCount(individuals, locale)} <span className="font-normal text-stone-600">{t("sharePercent", { share: individualShare / 100 })}</span>
          </dd>
        </div>
        <div>
          <dt className="flex items-center gap-2 text-stone-600">
            <span aria-hidden="true" className="inline-block size-2.5 rounded-sm bg-amber-500" />
            {t("organizations")}
          </dt>
          <dd className="ps-4.5 font-semibold tabular-nums text-stone-900">
            {formatCount(organizations, locale)} <span className="font-normal text-stone-600">{t("sharePercent", { share: (100 - individualShare) / 100 })}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
