// Watches PostgreSQL for sessions waiting on a lock while a load runs: every few
// milliseconds it reads pg_locks (ungranted locks, with pg_locks.waitstart) joined to
// pg_stat_activity (the waiting statement), and keeps the longest wait seen for each
// wait. A wait whose statement touches the counters ("CountShard", "DailyCount",
// "CountChange") is a wait on counter rows; others are reported apart. A wait shorter
// than the interval may be missed; a longer one is seen, short of at most one interval.
import pg from "pg";

export interface LockWait {
  ms: number;
  lock: string;
  query: string;
}

export interface LockReport {
  samples: number;
  intervalMs: number;
  /** Distinct waits seen on counter rows, and the longest. */
  counterWaits: number;
  longestCounter: LockWait | null;
  /** The same for every other statement. */
  otherWaits: number;
  longestOther: LockWait | null;
}

const COUNTERS = /"(CountShard|DailyCount|CountChange)"/;

export async function startLockSampler(url: string, { intervalMs = 5 }: { intervalMs?: number } = {}) {
  const client = new pg.Client({ connectionString: url, application_name: "bench-lock-sampler" });
  await client.connect();
  const waits = new Map<string, LockWait & { counters: boolean }>();
  let samples = 0;
  let stopping = false;
  let failure: Error | undefined;
  const sampling = (async () => {
    while (!stopping) {
      const { rows } = await client.query<{ key: string; ms: number; lock: string; query: string }>(
        `SELECT l.pid || ':' || l.waitstart AS "key",
           extract(epoch FROM clock_timestamp() - l.waitstart) * 1000 AS "ms",
           l.locktype || ' ' || l.mode || coalesce(' on ' || l.relation::regclass::text, '') AS "lock",
           left(a.query, 300) AS "query"
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE NOT l.granted AND l.waitstart IS NOT NULL AND a.datname = current_database()`,
      );
      samples += 1;
      for (const row of rows) {
        const ms = Number(row.ms);
        const seen = waits.get(row.key);
        if (!seen || seen.ms < ms) waits.set(row.key, { ms, lock: row.lock, query: row.query, counters: COUNTERS.test(row.query) });
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })().catch((error: Error) => {
    failure = error;
  });

  return {
    async stop(): Promise<LockReport> {
      stopping = true;
      await sampling;
      await client.end().catch(() => undefined);
      if (failure) throw new Error(`lock sampling failed: ${failure.message}`);
      const longest = (list: LockWait[]) => list.reduce<LockWait | null>((a, b) => (a && a.ms >= b.ms ? a : b), null);
      const all = [...waits.values()];
      const counter = all.filter((w) => w.counters);
      const other = all.filter((w) => !w.counters);
      const strip = (w: LockWait | null) => (w ? { ms: w.ms, lock: w.lock, query: w.query.replace(/\s+/g, " ").trim() } : null);
      return {
        samples,
        intervalMs,
        counterWaits: counter.length,
        longestCounter: strip(longest(counter)),
        otherWaits: other.length,
        longestOther: strip(longest(other)),
      };
    },
  };
}
