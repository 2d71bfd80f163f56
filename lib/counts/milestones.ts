import type { HistoryDay } from "./letter-history";

// Round numbers worth celebrating, and the letter's own goal. A milestone is reached on
// the first day the running total got to it.

const LADDER = [10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000];

export interface Milestone {
  count: number;
  isGoal: boolean;
  /** "YYYY-MM-DD" when reached, null when not reached or the history does not reach back */
  reachedOn: string | null;
  reached: boolean;
}

export interface MilestoneProgress {
  /** reached milestones, most recent last */
  reached: Milestone[];
  next: (Milestone & { remaining: number }) | null;
}

export function milestones({ total, goal, history }: { total: number; goal: number | null; history: HistoryDay[] }): MilestoneProgress {
  const top = Math.max(LADDER.at(-1)!, goal ?? 0);
  const counts = new Set([...LADDER, ...(goal ? [goal] : [])]);
  // Past the ladder, every further million is a milestone.
  for (let n = 2_000_000; n <= Math.max(top, total) + 1_000_000; n += 1_000_000) counts.add(n);
  const all = [...counts].sort((a, b) => a - b).map((count): Milestone => ({
    count,
    isGoal: count === goal,
    reached: total >= count,
    reachedOn: total >= count ? (history.find((d) => d.total >= count)?.day ?? null) : null,
  }));
  const next = all.find((m) => !m.reached);
  return {
    reached: all.filter((m) => m.reached),
    next: next ? { ...next, remaining: next.count - total } : null,
  };
}
