import "server-only";
import { countryName } from "../countries";
import { whenLetterChanges } from "../memory/letter-changed";
import { timedCache } from "../memory/timed-cache";
import { readCounters } from "./roll-up-counts";
import type { CountryCount, LetterCounts } from "../api/schemas";

// Counts by country and kind, summed from the counter shards and the changes not yet
// rolled up into them (never by scanning signatures). Kept in memory for a couple of
// seconds: the contract allows the counts to trail the truth by up to 5 s, and a viral
// letter's readers then cost one small query per letter per interval instead of one per
// request.

// Their shape is the counts JSON's, defined once in lib/api/schemas.ts.
export type { CountryCount, LetterCounts } from "../api/schemas";

export const COUNTS_TTL_MS = 2_000;

/**
 * Cache-Control for everything that shows live counts (JSON, badge, widget). The 5 s
 * promise adds up: up to 2 s in this process's cache, 2 s fresh at a CDN, then 1 s
 * served stale while the CDN revalidates. Browsers revalidate every time (a cheap 304
 * by ETag); if this server fails, a CDN may keep serving the last answer for a day.
 */
export const COUNTS_CACHE_CONTROL = "public, max-age=0, s-maxage=2, stale-while-revalidate=1, stale-if-error=86400";

const cache = timedCache<LetterCounts>("letter-counts", { ttlMs: COUNTS_TTL_MS, max: 1_000 });
// A process that just changed the counts shows the change at once.
whenLetterChanges("letter-counts", ({ letterId }) => cache.forget(letterId));

/** `since` stands as updatedAt while nothing has been counted (the letter's creation). */
export function letterCounts(letterId: string, since: Date): Promise<LetterCounts> {
  return cache.get(letterId, () => readCounts(letterId, since));
}

async function readCounts(letterId: string, since: Date): Promise<LetterCounts> {
  // The counters plus the changes not yet rolled up into them, in one statement (see readCounters).
  const rows = await readCounters((q) => q.$queryRaw<{ country: string; kind: string; n: number | bigint | null; at: Date | string | null }[]>`
    SELECT "country", "kind", SUM("n") AS "n", MAX("at") AS "at" FROM (
      SELECT "country", "kind", "count" AS "n", "updatedAt" AS "at" FROM "CountShard" WHERE "letterId" = ${letterId}
      UNION ALL
      SELECT "country", "kind", "delta", "createdAt" FROM "CountChange" WHERE "letterId" = ${letterId}
    ) AS "counted" GROUP BY "country", "kind"`);
  const byCountry = new Map<string, CountryCount>();
  let individuals = 0;
  let organizations = 0;
  let updatedAt = since.getTime();
  for (const row of rows) {
    updatedAt = Math.max(updatedAt, row.at === null ? 0 : new Date(row.at).getTime());
    const n = Number(row.n ?? 0);
    if (n === 0) continue;
    const entry =
      byCountry.get(row.country) ??
      { country: row.country, name: countryName(row.country), total: 0, individuals: 0, organizations: 0 };
    entry.total += n;
    if (row.kind === "organization") {
      entry.organizations += n;
      organizations += n;
    } else {
      entry.individuals += n;
      individuals += n;
    }
    byCountry.set(row.country, entry);
  }
  const countries = [...byCountry.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, "en"));
  return { total: individuals + organizations, individuals, organizations, countries, updatedAt: new Date(updatedAt).toISOString() };
}
