import "server-only";
import { countryName } from "../countries";
import { db, provider } from "../db";
import { Prisma } from "../generated/prisma/client";
import { HISTORY_TTL_MS } from "../counts/letter-history";
import { representation, type Representation } from "../http/responses";
import { whenLetterChanges } from "../memory/letter-changed";
import { timedCache } from "../memory/timed-cache";
import { csvRow } from "./csv";
import { HISTORY_CSV_HEADER } from "./csv-columns";

// The letter's history by day and country as CSV (GET /api/letters/{slug}/history.csv).
//
// The daily counters (DailyCount) know the day and the kind but not the country, and the
// changes that do know the country (CountChange) are deleted once they are rolled up, so
// neither can say how many signed from a country on a day. The signatures can: each
// counted one has its country and the time it was counted. So a row is a UTC day and a
// country, with the signatures counted that day from that country that still count now;
// one withdrawn, hidden or rejected since leaves its day's row. A country's rows summed
// give its count today, as the counts JSON has it. Days and countries without a
// signature have no row. Kept as bytes for as long as the history JSON is kept.


const cache = timedCache<Representation>("history-csv", { ttlMs: HISTORY_TTL_MS, max: 100 });
whenLetterChanges("history-csv", ({ letterId }) => cache.forget(letterId));

export function historyCsv({ letterId }: { letterId: string }): Promise<Representation> {
  return cache.get(letterId, () => build(letterId));
}

type Row = { day: string; country: string; individuals: number | bigint; organizations: number | bigint };

async function build(letterId: string): Promise<Representation> {
  // SQLite keeps a date as ISO text; PostgreSQL as a timestamp in UTC.
  const day = provider === "postgresql" ? Prisma.sql`to_char("countedAt", 'YYYY-MM-DD')` : Prisma.sql`substr("countedAt", 1, 10)`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${day} AS "day", "country",
      SUM(CASE WHEN "kind" = 'organization' THEN 0 ELSE 1 END) AS "individuals",
      SUM(CASE WHEN "kind" = 'organization' THEN 1 ELSE 0 END) AS "organizations"
    FROM "Signature"
    WHERE "letterId" = ${letterId} AND "status" = 'counted' AND "countedAt" IS NOT NULL
    GROUP BY 1, "country" ORDER BY 1, "country"`;
  let csv = csvRow(HISTORY_CSV_HEADER);
  for (const row of rows) {
    const individuals = Number(row.individuals);
    const organizations = Number(row.organizations);
    csv += csvRow([row.day, row.country, countryName(row.country), individuals, organizations, individuals + organizations]);
  }
  return representation(csv, "text/csv; charset=utf-8");
}
