import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db, provider } from "@/lib/db";
import { letterHistory } from "@/lib/counts/letter-history";
import { rollUpCounts } from "@/lib/counts/roll-up-counts";
import { forgetLetter } from "@/lib/memory/letter-changed";
import { countsOf, createLetter, individual, signAndConfirm } from "../support/factories";

// The fault test for counting: someone holds a lock on a letter's counter rows (a slow
// report, an operator's transaction left open). Signing must not wait for it, since a
// confirmation only appends a CountChange row; the roll-up waits, and folds the changes
// in once the lock is gone. Row locks that make others wait are PostgreSQL's; SQLite
// locks the whole database for any writer.

beforeAll(() => configureDatabase());

const byCountry = (counts: Awaited<ReturnType<typeof countsOf>>) => counts.countries.map((c) => [c.country, c.total]);

describe("a lock held on the counter rows", () => {
  it.runIf(provider === "postgresql")("holds up no signing: confirmations finish at once and count, and the roll-up folds them in after", async () => {
    const letter = await createLetter();
    for (const country of ["FR", "DE"]) await signAndConfirm(letter, individual({ country }));
    await rollUpCounts();
    // Every counter row a confirmation could ever have touched: each shard and the day's row.
    const today = new Date().toISOString().slice(0, 10);
    await db.countShard.createMany({
      data: ["FR", "DE"].flatMap((country) => [1, 2, 3, 4, 5, 6, 7].map((shard) => ({ letterId: letter.id, country, kind: "individual", shard, count: 0 }))),
    });
    await db.dailyCount.upsert({
      where: { letterId_day_kind: { letterId: letter.id, day: today, kind: "individual" } },
      create: { letterId: letter.id, day: today, kind: "individual", count: 0 },
      update: {},
    });
    const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      const shards = await locker.query(`SELECT * FROM "CountShard" WHERE "letterId" = $1 FOR UPDATE`, [letter.id]);
      const days = await locker.query(`SELECT * FROM "DailyCount" WHERE "letterId" = $1 FOR UPDATE`, [letter.id]);
      expect([shards.rowCount, days.rowCount]).toEqual([16, 1]);

      const timings: number[] = [];
      for (let i = 0; i < 6; i++) {
        const started = performance.now();
        expect(await signAndConfirm(letter, individual({ country: i % 3 === 0 ? "DE" : "FR" }))).toMatchObject({ result: "confirmed" });
        timings.push(performance.now() - started);
      }
      expect(Math.max(...timings), `sign and confirm took ${timings.map(Math.round).join(", ")} ms`).toBeLessThan(2_000);
      const counted = await countsOf(letter);
      expect(counted.total).toBe(8);
      expect(byCountry(counted)).toEqual([["FR", 5], ["DE", 3]]);

      // A roll-up now waits for the locked rows, holding the changes it claimed; readers
      // wait for neither and still count each change once.
      let done = false;
      const rollingUp = rollUpCounts().finally(() => (done = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(done).toBe(false);
      expect(await countsOf(letter)).toEqual(counted);

      await locker.query("COMMIT");
      expect(await rollingUp).toBe(6);
      expect(await db.countChange.count({ where: { letterId: letter.id } })).toBe(0);
      expect(await countsOf(letter)).toEqual(counted);
      forgetLetter({ what: "counts" });
      expect((await letterHistory({ letterId: letter.id })).at(-1)).toMatchObject({ day: today, total: 8 });
    } finally {
      await locker.end();
    }
  });
});
