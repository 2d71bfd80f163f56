import type { MilestoneProgress } from "@/lib/counts/milestones";
import { formatCount, plural } from "@/lib/format";
import { formatDay } from "./history-chart";

const SHOWN = 4;

/** The latest milestones reached, with their dates, and how far the next one is. */
export function Milestones({ progress }: { progress: MilestoneProgress }) {
  const recent = progress.reached.slice(-SHOWN).reverse();
  const { next } = progress;
  return (
    <div data-testid="milestones">
      <h3 className="text-sm font-semibold text-stone-900">Milestones</h3>
      {next ? (
        <p className="mt-2 text-sm text-stone-700">
          Next: <strong className="tabular-nums">{formatCount(next.count)}</strong>
          {next.isGoal ? " (the goal)" : ""}, {plural(next.remaining, "signature", "signatures")} to go.
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
                <strong className="tabular-nums">{formatCount(m.count)}</strong> {m.isGoal ? "signatures: the goal" : "signatures"}
                {m.reachedOn ? <span className="text-stone-500"> · {formatDay(m.reachedOn)}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-2 text-sm text-stone-600">No milestone reached yet.</p>
      )}
    </div>
  );
}
