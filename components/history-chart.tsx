import type { HistoryDay } from "@/lib/counts/letter-history";
import { useLocale, useTranslations } from "next-intl";
import { formatCount, formatDay } from "@/lib/format";

const W = 640;
const H = 180;
const PAD = { top: 4, right: 2, bottom: 2, left: 2 };

// The table beside the chart lists this many of the latest days: a letter open for years
// must not make its page heavier for every reader.
const TABLE_DAYS = 60;

/** The running total per day as a small area chart, drawn on the server. */
export function HistoryChart({ days }: { days: HistoryDay[] }) {
  const t = useTranslations("letter");
  const locale = useLocale();
  const day = (d: string) => formatDay(d, locale);
  const count = (n: number) => formatCount(n, locale);
  if (days.length === 0) return <p className="text-sm text-stone-600">{t("historyEmpty")}</p>;
  // A single day still gets a line: from zero the day before.
  const points = days.length === 1 ? [{ ...days[0], total: 0 }, days[0]] : days;
  const max = Math.max(1, ...points.map((d) => d.total));
  const x = (i: number) => PAD.left + (i / (points.length - 1)) * (W - PAD.left - PAD.right);
  const y = (n: number) => PAD.top + (1 - n / max) * (H - PAD.top - PAD.bottom);
  const line = points.map((d, i) => `${i ? "L" : "M"}${x(i).toFixed(1)} ${y(d.total).toFixed(1)}`).join("");
  const area = `${line}L${x(points.length - 1).toFixed(1)} ${y(0)}L${x(0)} ${y(0)}Z`;
  const first = days[0];
  const last = days.at(-1)!;
  const best = days.reduce((a, b) => (b.added > a.added ? b : a));
  const summary =
    t("historySummary", { firstTotal: first.total, firstDay: day(first.day), lastTotal: last.total, lastDay: day(last.day) }) +
    (best.added > 0 ? ` ${t("historyBusiest", { day: day(best.day), added: best.added })}` : "");
  // Labels are HTML beside the drawing, so they keep their size on a phone. Time runs
  // left to right in every language (dir="ltr"), as the drawing does.
  return (
    <figure data-testid="history-chart">
      <div dir="ltr" className="flex justify-end text-xs tabular-nums text-stone-500" aria-hidden="true">
        {count(max)}
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" className="mt-1 block h-36 w-full sm:h-44" role="img" aria-label={summary}>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#d6d3d1" vectorEffect="non-scaling-stroke" />
        <line x1={PAD.left} x2={W - PAD.right} y1={y(max)} y2={y(max)} stroke="#e7e5e4" strokeDasharray="4 4" vectorEffect="non-scaling-stroke" />
        <path d={area} fill="#dbe6fe" />
        <path d={line} fill="none" stroke="#1d4ed8" strokeWidth={2} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
      </svg>
      <div dir="ltr" className="mt-1 flex justify-between text-xs text-stone-500" aria-hidden="true">
        <span>{days.length > 1 ? day(first.day) : ""}</span>
        <span>{day(last.day)}</span>
      </div>
      <figcaption className="sr-only">{summary}</figcaption>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700 hover:underline">
          {days.length > TABLE_DAYS ? t("historyLastDays", { count: TABLE_DAYS }) : t("historyByDay")}
        </summary>
        <table
          className="mt-2 w-full text-start [&_td]:py-1 [&_td]:text-end [&_td]:tabular-nums [&_th]:py-1 [&_th]:text-start [&_th]:font-medium [&_thead_th:not(:first-child)]:text-end"
          data-testid="history-table"
        >
          <caption className="sr-only">{t("historyCaption")}</caption>
          <thead className="text-stone-600">
            <tr>
              <th scope="col">{t("day")}</th>
              <th scope="col">{t("added")}</th>
              <th scope="col">{t("total")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {days.slice(-TABLE_DAYS).map((d) => (
              <tr key={d.day}>
                <th scope="row" className="text-stone-900">{day(d.day)}</th>
                <td>{count(d.added)}</td>
                <td>{count(d.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
