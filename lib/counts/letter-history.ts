import "server-only";
import { whenLetterChanges } from "../memory/letter-changed";
import { timedCache } from "../memory/timed-cache";
import { readCounters } from "./roll-up-counts";
import type { HistoryDay } from "../api/schemas";

// The running total per day (UTC), from the per-day net changes the roll-up keeps beside
// the counters plus the changes not yet rolled up. Days without a change are filled in,
// so a chart's x axis is time. Cached briefly in memory like the counts: the rows are
// few, the readers many.

// A day's shape is the history JSON's, defined once in lib/api/schemas.ts.
export type { HistoryDay } from "../api/schemas";

export const HISTORY_TTL_MS = 5_000;
const DAY_MS = 86_400_000;

const cache = timedCache<HistoryDay[]>("letter-history", { ttlMs: HISTORY_TTL_MS, max: 1_000 });
whenLetterChanges("letter-history", ({ letterId }) => cache.forget(letterId));

export function letterHistory({ letterId, now = new Date() }: { letterId: string; now?: Date }): Promise<HistoryDay[]> {
  return cache.get(letterId, () => readHistory(letterId, now));
}

async function readHistory(letterId: string, now: Date): Promise<HistoryDay[]> {
  // The daily counters plus the changes not yet rolled up into them, in one statement (see readCounters).
  const rows = await readCounters((q) => q.$queryRaw<{ day: string; kind: string; n: number | bigint }[]>`
    SELECT "day", "kind", SUM("n") AS "n" FROM (
      SELECT "day", "kind", "count" AS "n" FROM "DailyCount" WHERE "letterId" = ${letterId}
      UNION ALL
      SELECT "day", "kind", "delta" FROM "CountChange" WHERE "letterId" = ${letterId}
    ) AS "changes" GROUP BY "day", "kind" ORDER BY "day"`);
  if (rows.length === 0) return [];
  const changes = new Map<string, { individuals: number; organizations: number }>();
  for (const row of rows) {
    const entry = changes.get(row.day) ?? { individuals: 0, organizations: 0 };
    if (row.kind === "organization") entry.organizations += Number(row.n);
    else entry.individuals += Number(row.n);
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
