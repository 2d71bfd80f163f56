import "server-only";
import { db } from "../db";
import { whenLetterChanges } from "../memory/letter-changed";
import { timedCache } from "../memory/timed-cache";

// The running total per day (UTC), from the per-day net changes that adjustCount keeps
// beside the counters. Days without a change are filled in, so a chart's x axis is
// time. Cached briefly in memory like the counts: the rows are few, the readers many.

export interface HistoryDay {
  /** "YYYY-MM-DD", UTC */
  day: string;
  total: number;
  individuals: number;
  organizations: number;
  /** net change that day (withdrawals and moderation can make it negative) */
  added: number;
}

export const HISTORY_TTL_MS = 5_000;
const DAY_MS = 86_400_000;

const cache = timedCache<HistoryDay[]>("letter-history", { ttlMs: HISTORY_TTL_MS, max: 1_000 });
whenLetterChanges("letter-history", ({ letterId }) => cache.forget(letterId));

export function letterHistory({ letterId, now = new Date() }: { letterId: string; now?: Date }): Promise<HistoryDay[]> {
  return cache.get(letterId, () => readHistory(letterId, now));
}

async function readHistory(letterId: string, now: Date): Promise<HistoryDay[]> {
  const rows = await db.dailyCount.findMany({
    where: { letterId },
    select: { day: true, kind: true, count: true },
    orderBy: { day: "asc" },
  });
  if (rows.length === 0) return [];
  const changes = new Map<string, { individuals: number; organizations: number }>();
  for (const row of rows) {
    const entry = changes.get(row.day) ?? { individuals: 0, organizations: 0 };
    if (row.kind === "organization") entry.organizations += row.count;
    else entry.individuals += row.count;
    changes.set(row.day, entry);
  }
  const last = Math.max(Date.parse(rows.at(-1)!.day), Date.parse(now.toISOString().slice(0, 10)));
  const days: HistoryDay[] = [];
  let individuals = 0;
  let organizations = 0;
  for (let t = Date.parse(rows[0].day); t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    const change = changes.get(day) ?? { individuals: 0, organizations: 0 };
    individuals += change.individuals;
    organizations += change.organizations;
    days.push({ day, total: individuals + organizations, individuals, organizations, added: change.individuals + change.organizations });
  }
  return days;
}
