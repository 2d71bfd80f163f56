import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db, provider } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { letterCounts } from "@/lib/counts/letter-counts";
import { consumeLimit } from "@/lib/http/rate-limit";
import { LETTER_TTL_MS, getCachedPublicLetter } from "@/lib/letters/get-cached-public-letter";
import { startChangeListener } from "@/lib/memory/change-listener";
import { CHANGE_CHANNEL, letterChanged } from "@/lib/memory/letter-changed";
import { forgetProcessMemory, processMemory } from "@/lib/memory/process-memory";
import { createLetter } from "../support/factories";

// What a process remembers, and how a change reaches it: in this process on both
// databases, from another process through LISTEN/NOTIFY on PostgreSQL.

beforeAll(() => configureDatabase());
afterAll(() => processMemory<{ stop(): void } | null>("change-listener", () => null)?.stop());

/** Writes behind the caches' back, as another process would. */
const retitle = (id: string, title: string) => db.letter.update({ where: { id }, data: { title } });
const addCounted = (letterId: string, count: number) =>
  db.countShard.create({ data: { letterId, country: "PT", kind: "individual", shard: 7, count } });

describe("letterChanged in this process", () => {
  it("'counts' forgets that letter's counts, and leaves the letter itself cached", async () => {
    const letter = await createLetter();
    await getCachedPublicLetter({ slug: letter.slug });
    expect((await letterCounts(letter.id, letter.createdAt)).total).toBe(0);
    await addCounted(letter.id, 3);
    await retitle(letter.id, "Renamed behind the cache");
    expect((await letterCounts(letter.id, letter.createdAt)).total).toBe(0);

    await letterChanged({ letterId: letter.id, what: "counts" });
    expect((await letterCounts(letter.id, letter.createdAt)).total).toBe(3);
    expect((await getCachedPublicLetter({ slug: letter.slug }))?.title).toBe(letter.title);
  });

  it("'letter' forgets the letter and its counts", async () => {
    const letter = await createLetter();
    await getCachedPublicLetter({ slug: letter.slug });
    await letterCounts(letter.id, letter.createdAt);
    await retitle(letter.id, "Edited by an admin");
    await addCounted(letter.id, 2);

    await letterChanged({ letterId: letter.id, what: "letter" });
    expect((await getCachedPublicLetter({ slug: letter.slug }))?.title).toBe("Edited by an admin");
    expect((await letterCounts(letter.id, letter.createdAt)).total).toBe(2);
  });
});

describe.runIf(provider === "postgresql")("a change made by another process (PostgreSQL LISTEN/NOTIFY)", () => {
  it("reaches this process's caches without a request", async () => {
    startChangeListener();
    const letter = await createLetter();
    expect((await getCachedPublicLetter({ slug: letter.slug }))?.title).toBe(letter.title);
    await retitle(letter.id, "Paused elsewhere");

    // Another process: its own connection, its own origin.
    const other = new pg.Client({ connectionString: getEnv().DATABASE_URL });
    await other.connect();
    try {
      // The listener may still be connecting: say it until it is heard, well before the
      // cached copy would expire by itself (LETTER_TTL_MS).
      await expect
        .poll(async () => {
          await other.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, JSON.stringify({ letterId: letter.id, what: "letter", origin: "another-process" })]);
          return (await getCachedPublicLetter({ slug: letter.slug }))?.title;
        }, { timeout: LETTER_TTL_MS / 2, interval: 100 })
        .toBe("Paused elsewhere");
    } finally {
      await other.end();
    }
  });
});

describe("rate limits", () => {
  const options = { points: 3, durationS: 60 };
  const key = () => `198.51.100.${Math.floor(Math.random() * 250)}-${Date.now()}`;

  it.runIf(provider === "postgresql")("are shared by every process on PostgreSQL: a fresh process's limiter sees the points spent", async () => {
    const ip = key();
    for (let i = 0; i < 3; i++) await consumeLimit("test-shared", ip, options);
    forgetProcessMemory("rate-limiters"); // what a second process starts with
    await expect(consumeLimit("test-shared", ip, options)).rejects.toMatchObject({ status: 429, headers: { "Retry-After": expect.any(String) } });
    // Kept as a keyed hash: the table never holds an address or an email.
    const rows = await db.$queryRaw<{ key: string; points: number }[]>`SELECT "key", "points" FROM "rate_limits" WHERE "key" LIKE 'test-shared:%'`;
    expect(rows).toEqual([{ key: expect.stringMatching(/^test-shared:[A-Za-z0-9_-]{43}$/), points: 4 }]);
    expect(rows[0].key).not.toContain(ip);
  });

  it.runIf(provider === "sqlite")("stay in this process's memory on SQLite", async () => {
    const ip = key();
    for (let i = 0; i < 3; i++) await consumeLimit("test-local", ip, options);
    await expect(consumeLimit("test-local", ip, options)).rejects.toMatchObject({ status: 429 });
    forgetProcessMemory("rate-limiters");
    await expect(consumeLimit("test-local", ip, options)).resolves.toBeUndefined();
    const [{ n }] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS "n" FROM "rate_limits"`;
    expect(Number(n)).toBe(0);
  });
});
