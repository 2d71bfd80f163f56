import "server-only";
import type pg from "pg";
import { RateLimiterPostgres, type IRateLimiterPostgresOptions } from "rate-limiter-flexible";

// rate-limiter-flexible's PostgreSQL store spends one round trip per point taken: an
// upsert of the key's row, committed on its own. Signing takes two points a request (the
// client's address, the address signed with), and each round trip costs the app a
// system call that wakes the server: at a viral letter's rate, the limits cost more than
// the signature. This store takes the points that arrive together in one statement
// (one upsert of many rows, its keys in sorted order so that two processes' statements
// never wait on each other in a cycle), and gives each caller the row as its own upsert
// would have left it. Everything else (keys, windows, blocking, the stand-in limiter
// while the database is away) stays the library's.

interface Pending {
  key: string;
  points: number;
  expire: number;
  resolve: (result: { rows: { points: number; expire: number | null }[] }) => void;
  reject: (error: unknown) => void;
}

/** Takes points for many keys at once, one statement at a time. */
export class UpsertBatcher {
  private pending: Pending[] = [];
  private writing = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly table: string,
    private readonly maxRows = 500,
  ) {}

  /** Adds `points` to `key`'s window (a new window ending at `expire` if the old one ended); resolves with the row after. */
  upsert(key: string, points: number, expire: number): Promise<{ rows: { points: number; expire: number | null }[] }> {
    return new Promise((resolve, reject) => {
      this.pending.push({ key, points, expire, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        // The requests that arrived with this one get here in the same turn of the loop.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain() {
    try {
      while (this.pending.length > 0) await this.write(this.pending.splice(0, this.maxRows));
    } finally {
      this.writing = false;
    }
  }

  private async write(batch: Pending[]) {
    // One row per key: its points summed, the latest window end.
    const byKey = new Map<string, { points: number; expire: number }>();
    for (const { key, points, expire } of batch) {
      const row = byKey.get(key);
      if (row) {
        row.points += points;
        row.expire = Math.max(row.expire, expire);
      } else byKey.set(key, { points, expire });
    }
    const keys = [...byKey.keys()].sort();
    const values: (string | number)[] = [Date.now()];
    const rows = keys.map((key) => {
      values.push(key, byKey.get(key)!.points, byKey.get(key)!.expire);
      const n = values.length;
      return `($${n - 2}, $${n - 1}::integer, $${n}::bigint)`;
    });
    let result: pg.QueryResult<{ key: string; points: number; expire: string | number | null }>;
    try {
      result = await this.pool.query({
        text: `INSERT INTO ${this.table} AS r (key, points, expire) VALUES ${rows.join(", ")}
          ON CONFLICT (key) DO UPDATE SET
            points = CASE WHEN r.expire <= $1 THEN EXCLUDED.points ELSE r.points + EXCLUDED.points END,
            expire = CASE WHEN r.expire <= $1 THEN EXCLUDED.expire ELSE r.expire END
          RETURNING key, points, expire`,
        values,
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    // Each caller sees the points as they stood after its own, in the order they came.
    const after = new Map(result.rows.map((row) => [row.key, { points: row.points, expire: row.expire === null ? null : Number(row.expire) }]));
    const taken = new Map<string, number>();
    for (const item of batch) {
      const row = after.get(item.key)!;
      const soFar = (taken.get(item.key) ?? 0) + item.points;
      taken.set(item.key, soFar);
      item.resolve({ rows: [{ points: row.points - byKey.get(item.key)!.points + soFar, expire: row.expire }] });
    }
  }
}

declare module "rate-limiter-flexible" {
  interface RateLimiterPostgres {
    _upsert(key: string, points: number, msDuration: number, forceExpire?: boolean): Promise<unknown>;
  }
}

/** RateLimiterPostgres whose points are taken through a shared UpsertBatcher. */
export class BatchedRateLimiterPostgres extends RateLimiterPostgres {
  constructor(
    options: IRateLimiterPostgresOptions,
    private readonly batcher: UpsertBatcher,
  ) {
    super(options);
  }

  // The library's own hook (not in its type declarations): the store's upsert for consume,
  // penalty and reward. A forced window or a key without one goes the library's way.
  override _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<unknown> {
    if (forceExpire || msDuration <= 0) return super._upsert(key, points, msDuration, forceExpire);
    return this.batcher.upsert(key, points, Date.now() + msDuration);
  }
}
