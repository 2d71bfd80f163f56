import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { MilestoneProgress } from "@/lib/counts/milestones";
import { formatCount, formatDay } from "@/lib/format";

const SHOWN = 4;

const strong = (chunks: ReactNode) => <strong className="tabular-nums">{chunks}</strong>;

/** The latest milestones reached, with their dates, and how far the next one is. */
export function Milestones({ progress }: { progress: MilestoneProgress }) {
  const t = useTranslations("letter");
  const locale = useLocale();
  const recent = progress.reached.slice(-SHOWN).reverse();
  const { next } = progress;
  return (
    <div data-testid="milestones">
      <h3 className="text-sm font-semibold text-stone-900">{t("milestones")}</h3>
      {next ? (
        <p className="mt-2 text-sm text-stone-700">
          {t.rich(next.isGoal ? "milestoneNextGoal" : "milestoneNext", { count: formatCount(next.count, locale), remaining: next.remaining, strong })}
        </p>
      ) : null}
      {recent.length > 0 ? (
        <ol className="mt-3 space-y-2 text-sm">
          {recent.map((m) => (
            <li key={m.count} className="flex items-baseline gap-2">
              <span aria-hidden="true" className="grid size-5 shrink-0 place-items-center rounded-full bg-brand-600 text-[11px] font-bold text-white">
                ✓
              </span>
              <span className="text-stone-800">
                {t.rich(m.isGoal ? "milestoneGoal" : "milestoneReached", { count: m.count, strong })}
                {m.reachedOn ? <span className="text-stone-500"> · {formatDay(m.reachedOn, locale)}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-2 text-sm text-stone-600">{t("noMilestone")}</p>
      )}
    </div>
  );
}
