import type { HistoryDay } from "@/lib/counts/letter-history";
import { formatCount } from "@/lib/format";

const W = 640;
const H = 180;
const PAD = { top: 4, right: 2, bottom: 2, left: 2 };

// The table beside the chart lists this many of the latest days: a letter open for years
// must not make its page heavier for every reader.
const TABLE_DAYS = 60;

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));

/** The running total per day as a small area chart, drawn on the server. */
export function HistoryChart({ days }: { days: HistoryDay[] }) {
  if (days.length === 0) return <p className="text-sm text-stone-600">The chart starts with the first confirmed signature.</p>;
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
    `Signatures over time: ${formatCount(first.total)} on ${formatDay(first.day)}, ${formatCount(last.total)} on ${formatDay(last.day)}.` +
    (best.added > 0 ? ` The busiest day was ${formatDay(best.day)}, with ${formatCount(best.added)} added.` : "");
  // Labels are HTML beside the drawing, so they keep their size on a phone.
  return (
    <figure data-testid="history-chart">
      <div className="flex justify-end text-xs tabular-nums text-stone-500" aria-hidden="true">
        {formatCount(max)}
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" className="mt-1 block h-36 w-full sm:h-44" role="img" aria-label={summary}>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#d6d3d1" vectorEffect="non-scaling-stroke" />
        <line x1={PAD.left} x2={W - PAD.right} y1={y(max)} y2={y(max)} stroke="#e7e5e4" strokeDasharray="4 4" vectorEffect="non-scaling-stroke" />
        <path d={area} fill="#dbe6fe" />
        <path d={line} fill="none" stroke="#1d4ed8" strokeWidth={2} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
      </svg>
      <div className="mt-1 flex justify-between text-xs text-stone-500" aria-hidden="true">
        <span>{days.length > 1 ? formatDay(first.day) : ""}</span>
        <span>{formatDay(last.day)}</span>
      </div>
      <figcaption className="sr-only">{summary}</figcaption>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700 hover:underline">
          {days.length > TABLE_DAYS ? `The numbers for the last ${TABLE_DAYS} days` : "The numbers by day"}
        </summary>
        <table
          className="mt-2 w-full text-left [&_td]:py-1 [&_td]:text-right [&_td]:tabular-nums [&_th]:py-1 [&_th]:font-medium [&_thead_th:not(:first-child)]:text-right"
          data-testid="history-table"
        >
          <caption className="sr-only">Confirmed signatures by day</caption>
          <thead className="text-stone-600">
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Added</th>
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {days.slice(-TABLE_DAYS).map((d) => (
              <tr key={d.day}>
                <th scope="row" className="text-stone-900">{formatDay(d.day)}</th>
                <td>{formatCount(d.added)}</td>
                <td>{formatCount(d.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
