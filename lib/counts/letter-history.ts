import "server-only";
import { db } from "../db";

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

const cache = (globalThis as unknown as { letterHistory?: Map<string, { at: number; value: Promise<HistoryDay[]> }> })
  .letterHistory ??= new Map();

export function letterHistory({ letterId, now = new Date() }: { letterId: string; now?: Date }): Promise<HistoryDay[]> {
  const hit = cache.get(letterId);
  if (hit && Date.now() - hit.at < HISTORY_TTL_MS) return hit.value;
  const value = readHistory(letterId, now);
  cache.set(letterId, { at: Date.now(), value });
  value.catch(() => {
    if (cache.get(letterId)?.value === value) cache.delete(letterId);
  });
  return value;
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
