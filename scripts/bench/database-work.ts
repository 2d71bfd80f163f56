// The CPU time of the PostgreSQL server processes that serve the bench's database (from
// /proc): on one machine the database's work is paid from the same CPUs as the app's.
// The app processes' pools keep their connections open, so mostly the same processes
// are read before and after a run; one that ends keeps what it had used when last seen.
import fs from "node:fs";
import pg from "pg";

export async function databaseCpuReader(url: string, ticksPerSecond: number) {
  const client = new pg.Client({ connectionString: url, application_name: "bench-database-cpu" });
  await client.connect();
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const ticks = (pid: number) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      return null;
    }
  };
  return {
    /** Seconds used since each process was first seen. */
    async read(): Promise<number> {
      const { rows } = await client.query<{ pid: number }>(
        // The bench's own sessions (this one, the lock sampler) are not the app's work.
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name NOT LIKE 'bench-%'`,
      );
      for (const { pid } of rows) {
        const now = ticks(pid);
        if (now === null) continue;
        if (!first.has(pid)) first.set(pid, now);
        last.set(pid, now);
      }
      let total = 0;
      for (const [pid, at] of last) total += at - first.get(pid)!;
      return total / ticksPerSecond;
    },
    close: () => client.end(),
  };
}
