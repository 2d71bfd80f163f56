import { useFormatter, useTranslations } from "next-intl";
import type { LetterCounts } from "@/lib/counts/letter-counts";

// Numbers as the reader's language writes them, and plurals as it makes them (Arabic has six forms).
export function CountsCard({ counts, goal }: { counts: LetterCounts; goal: number | null }) {
  const t = useTranslations("counts");
  const format = useFormatter();
  const formatCount = (n: number) => format.number(n);
  const progress = goal ? Math.min(100, Math.round((counts.total / goal) * 100)) : null;
  return (
    <section aria-labelledby="counts-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      <h2 id="counts-heading" className="sr-only">
        {t("heading")}
      </h2>
      <p className="flex items-baseline gap-2">
        <span className="text-4xl font-bold tabular-nums tracking-tight text-stone-900" data-testid="total-count">
          {formatCount(counts.total)}
        </span>
        <span className="text-stone-600">{t("signatures", { count: counts.total })}</span>
      </p>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
        <div className="rounded-lg bg-stone-50 px-3 py-2">
          <dt className="text-stone-600">{t("individuals")}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="individual-count">{formatCount(counts.individuals)}</dd>
        </div>
        <div className="rounded-lg bg-stone-50 px-3 py-2">
          <dt className="text-stone-600">{t("organizations")}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="organization-count">{formatCount(counts.organizations)}</dd>
        </div>
      </dl>
      {goal && progress !== null ? (
        <div className="mt-4">
          <div
            className="h-2.5 overflow-hidden rounded-full bg-stone-200"
            role="progressbar"
            aria-label={t("progress")}
            aria-valuemin={0}
            aria-valuemax={goal}
            aria-valuenow={Math.min(counts.total, goal)}
          >
            <div className="h-full rounded-full bg-brand-600" style={{ width: `${Math.max(progress, counts.total > 0 ? 2 : 0)}%` }} />
          </div>
          <p className="mt-1.5 text-xs text-stone-600">
            {t("ofGoal", { progress: progress / 100, goal })}
          </p>
        </div>
      ) : null}
      {counts.countries.length > 0 ? (
        <p className="mt-3 text-sm text-stone-600">{t("fromCountries", { count: counts.countries.length })}</p>
      ) : null}
    </section>
  );
}
