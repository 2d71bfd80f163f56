// One path under load: a warm-up, then autocannon for the run's duration, with the
// server's CPU time per request read from /proc around it.
import autocannon, { type Options, type Result } from "autocannon";

export interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  /** Failed requests and answers with another status than expected. */
  errors: number;
  /** The app servers' CPU time per request, µs (null when unknown). */
  cpu: number | null;
  /** The database server's CPU time per request, µs (PostgreSQL only). */
  dbCpu: number | null;
  /** Bytes read per answer, headers included, in KB. */
  kb: number;
  /** How many answers carried each value of the headers asked for in `tally` ("x-cache-status: HIT" → n). */
  tallied?: Map<string, number>;
}

export interface Target {
  name: string;
  /** The same path on each of these bases: connections are spread over them, round robin. */
  urls: string[];
  requests?: Options["requests"];
  connections: number;
  headers?: Record<string, string>;
  expect?: number;
  /** Header names to count the values of, answer by answer (it makes autocannon read every body). */
  tally?: string[];
}

export function run(url: string | string[], options: Partial<Options>): Promise<Result> {
  return new Promise<Result>((resolve, reject) =>
    autocannon({ url: url as string, ...options }, (error, result) => (error ? reject(error) : resolve(result))),
  );
}

/**
 * Runs a target for `duration` seconds after a warm-up; `cpu.app` reads the app servers'
 * CPU time used so far, `cpu.database` the database server's (when it has its own).
 */
export async function measure(
  target: Target,
  duration: number,
  cpu: { app: () => number | null; database?: () => Promise<number> },
): Promise<Row> {
  const tallied = new Map<string, number>();
  const counting = (list: Options["requests"]): Options["requests"] =>
    (list ?? [{}]).map((request) => ({
      ...request,
      onResponse: (_status: number, _body: string, _context: object, headers?: Record<string, string | string[] | undefined>) => {
        const byName = new Map(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
        for (const name of target.tally ?? []) {
          const key = `${name}: ${byName.get(name) ?? "-"}`;
          tallied.set(key, (tallied.get(key) ?? 0) + 1);
        }
      },
    }));
  const options: Partial<Options> = {
    connections: target.connections,
    headers: target.headers ?? {},
    requests: target.tally ? counting(target.requests) : target.requests,
  };
  await run(target.urls, { ...options, amount: 300 }); // warm-up
  tallied.clear();
  const databaseBefore = await cpu.database?.();
  const before = cpu.app();
  const result = await run(target.urls, { ...options, duration });
  const after = cpu.app();
  const databaseAfter = await cpu.database?.();
  const total = result.requests.total;
  const expected = target.expect ?? 200;
  const wrong = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => Number(code) !== expected)
    .reduce((n, [, stat]) => n + (stat.count ?? 0), 0);
  return {
    name: target.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + wrong,
    cpu: before === null || after === null || total === 0 ? null : ((after - before) / total) * 1e6,
    dbCpu: databaseBefore === undefined || databaseAfter === undefined || total === 0 ? null : ((databaseAfter - databaseBefore) / total) * 1e6,
    kb: total ? result.throughput.total / total / 1024 : 0,
    tallied: target.tally ? tallied : undefined,
  };
}
