import pg from "pg";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { afterAll, describe, expect, it } from "vitest";
import { db, provider } from "@/lib/db";
import { BatchedRateLimiterPostgres, UpsertBatcher } from "@/lib/http/batched-rate-limiter";

// The rate limits' points taken together, one statement for all that arrive at once, on
// the real table. What must hold is what one upsert per point gave: every point counted,
// no more than `points` let through in a window, and two processes never stuck on each
// other's rows.

const pools: pg.Pool[] = [];
afterAll(() => Promise.all(pools.map((pool) => pool.end())));

/** A limiter as a process makes it: its own pool and batcher. */
function processLimiter(keyPrefix: string, points: number, duration = 60) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  pools.push(pool);
  const batcher = new UpsertBatcher(pool, `"rate_limits"`);
  const options = { storeClient: pool, storeType: "pool", tableName: "rate_limits", tableCreated: true, keyPrefix, points, duration };
  return { limiter: new BatchedRateLimiterPostgres({ ...options, insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }) }, batcher), pool };
}

const pointsOf = async (key: string) =>
  (await db.$queryRaw<{ points: number }[]>`SELECT "points" FROM "rate_limits" WHERE "key" = ${key}`)[0]?.points;

describe.runIf(provider === "postgresql")("rate limits taken in batches", () => {
  it("let through exactly the limit of requests that arrive in the same moment, and count them all", async () => {
    const prefix = `batch-${Date.now()}`;
    const { limiter } = processLimiter(prefix, 3);
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => limiter.consume("one-client")));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    const refused = outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason);
    expect(refused).toHaveLength(5);
    for (const reason of refused) expect(reason).toMatchObject({ consumedPoints: expect.any(Number), msBeforeNext: expect.any(Number) });
    // Each caller saw its own place in the queue, 1 to 8, as separate upserts would have.
    expect(refused.map((r) => r.consumedPoints).sort()).toEqual([4, 5, 6, 7, 8]);
    expect(await pointsOf(`${prefix}:one-client`)).toBe(8);
  });

  it("keep other keys apart in the same statement, and start a new window once the old one ended", async () => {
    const prefix = `window-${Date.now()}`;
    const { limiter } = processLimiter(prefix, 2, 1);
    await Promise.all([limiter.consume("a"), limiter.consume("b"), limiter.consume("a")]);
    expect([await pointsOf(`${prefix}:a`), await pointsOf(`${prefix}:b`)]).toEqual([2, 1]);
    await expect(limiter.consume("a")).rejects.toMatchObject({ consumedPoints: 3 });
    // A window ended an hour ago: the next point starts a fresh one.
    await db.$executeRaw`UPDATE "rate_limits" SET "expire" = ${Date.now() - 3_600_000} WHERE "key" = ${`${prefix}:a`}`;
    await expect(limiter.consume("a")).resolves.toMatchObject({ consumedPoints: 1 });
    expect(await pointsOf(`${prefix}:a`)).toBe(1);
  });

  it("do not deadlock when two processes take points on the same keys in opposite orders", async () => {
    const prefix = `order-${Date.now()}`;
    const keys = Array.from({ length: 300 }, (_, i) => `k${String(i).padStart(3, "0")}`);
    const first = processLimiter(prefix, 1000);
    const second = processLimiter(prefix, 1000);
    const rounds = 15;
    // Each round both processes write all the keys at the same moment, in opposite orders.
    for (let round = 0; round < rounds; round++) {
      await Promise.all([...keys.map((key) => first.limiter.consume(key)), ...[...keys].reverse().map((key) => second.limiter.consume(key))]);
    }
    const rows = await db.$queryRaw<{ points: number }[]>`SELECT "points" FROM "rate_limits" WHERE "key" LIKE ${`${prefix}:%`}`;
    expect(rows).toHaveLength(keys.length);
    for (const row of rows) expect(row.points).toBe(2 * rounds);
  });

  it("fall back to the process's own limit when the database refuses the statement", async () => {
    const prefix = `down-${Date.now()}`;
    const { limiter, pool } = processLimiter(prefix, 2);
    await pool.end();
    pools.splice(pools.indexOf(pool), 1);
    await expect(limiter.consume("x")).resolves.toMatchObject({ consumedPoints: 1 });
    await limiter.consume("x");
    await expect(limiter.consume("x")).rejects.toMatchObject({ consumedPoints: 3 });
    expect(await pointsOf(`${prefix}:x`)).toBeUndefined();
  });
});
