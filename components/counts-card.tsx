import type { LetterCounts } from "@/lib/counts/letter-counts";
import { formatCount, plural } from "@/lib/format";

export function CountsCard({ counts, goal }: { counts: LetterCounts; goal: number | null }) {
  const progress = goal ? Math.min(100, Math.round((counts.total / goal) * 100)) : null;
  return (
    <section aria-labelledby="counts-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
      <h2 id="counts-heading" className="sr-only">
        Signatures so far
      </h2>
      <p className="flex items-baseline gap-2">
        <span className="text-4xl font-bold tabular-nums tracking-tight text-stone-900" data-testid="total-count">
          {formatCount(counts.total)}
        </span>
        <span className="text-stone-600">{counts.total === 1 ? "signature" : "signatures"}</span>
      </p>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
        <div className="rounded-lg bg-stone-50 px-3 py-2">
          <dt className="text-stone-600">Individuals</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="individual-count">{formatCount(counts.individuals)}</dd>
        </div>
        <div className="rounded-lg bg-stone-50 px-3 py-2">
          <dt className="text-stone-600">Organisations</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="organization-count">{formatCount(counts.organizations)}</dd>
        </div>
      </dl>
      {goal && progress !== null ? (
        <div className="mt-4">
          <div
            className="h-2.5 overflow-hidden rounded-full bg-stone-200"
            role="progressbar"
            aria-label="Progress toward the goal"
            aria-valuemin={0}
            aria-valuemax={goal}
            aria-valuenow={Math.min(counts.total, goal)}
          >
            <div className="h-full rounded-full bg-brand-600" style={{ width: `${Math.max(progress, counts.total > 0 ? 2 : 0)}%` }} />
          </div>
          <p className="mt-1.5 text-xs text-stone-600">
            {progress}% of the goal of {plural(goal, "signature", "signatures")}
          </p>
        </div>
      ) : null}
      {counts.countries.length > 0 ? (
        <p className="mt-3 text-sm text-stone-600">From {plural(counts.countries.length, "country", "countries")}.</p>
      ) : null}
    </section>
  );
}
