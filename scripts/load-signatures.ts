// Loads synthetic counted signatures into a letter fast (a million in seconds), with the
// counters and daily history to match, for the benchmark and for trying the app at size.
// Usage: node --import tsx scripts/load-signatures.ts <sqlite file | postgresql://...> <slug> [count]   (app stopped)
// Rows are made inside the database by one INSERT ... SELECT over a generated sequence
// (SQLite's recursive CTE, PostgreSQL's generate_series: nothing crosses the wire per
// row); the Signature table's secondary indexes are dropped first and rebuilt after,
// which is several times faster than updating them row by row. Signatures and counters
// are written in one transaction, so the counts always match the rows.
import Database from "better-sqlite3";
import pg from "pg";

// Weighted toward a few countries with a long tail, like a real letter.
const COUNTRIES = [
  ..."US US US US US DE DE DE FR FR FR GB GB GB BR BR IN IN CA CA NL NL ES ES IT JP SE KE MX AU".split(" "),
  ..."AR AT BE BG CH CL CN CO CZ DK EE EG FI GH GR HU ID IE IL IS KR LT LV MA MY NG NO NZ PE PH PK PL PT RO RS SG TR TW UA UY VN ZA".split(" "),
];

export function loadSignatures({ file, slug, count, days = 60 }: { file: string; slug: string; count: number; days?: number }): number {
  const db = new Database(file, { timeout: 30_000 });
  const started = Date.now();
  try {
    db.pragma("synchronous = OFF");
    const letter = db.prepare("SELECT id FROM Letter WHERE slug = ?").get(slug) as { id: string } | undefined;
    if (!letter) throw new Error(`no letter ${slug}`);
    const indexes = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Signature' AND sql IS NOT NULL")
      .all() as { name: string; sql: string }[];
    const now = Date.now() / 1000;
    const from = now - days * 86_400;
    const step = (now - from) / count;
    db.transaction(() => {
      db.exec("CREATE TEMP TABLE bench_country (i INTEGER PRIMARY KEY, code TEXT)");
      const add = db.prepare("INSERT INTO bench_country (i, code) VALUES (?, ?)");
      COUNTRIES.forEach((code, i) => add.run(i, code));
      for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
      const prefix = `load${Date.now().toString(36)}`;
      db.prepare(
        `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ? - 1),
         rows AS (
           SELECT n, CASE WHEN n % 25 = 0 THEN 'organization' ELSE 'individual' END AS kind,
             (SELECT code FROM bench_country WHERE i = (n * 7919) % ${COUNTRIES.length}) AS country,
             strftime('%Y-%m-%dT%H:%M:%f', ? + n * ?, 'unixepoch') || '+00:00' AS at
           FROM seq)
         INSERT INTO Signature (id, letterId, kind, name, email, emailCanonical, emailDomain, country, title,
           organizationName, website, listPublicly, status, domainMatch, flags, consentAt, createdAt, updatedAt,
           confirmedAt, countedAt)
         SELECT ? || n, ?, kind, 'Synthetic Signer ' || n || ' (demo)', ? || n || '@example.org', ? || n || '@example.org',
           'example.org', country, CASE WHEN n % 3 = 0 THEN 'Researcher' END,
           CASE WHEN kind = 'organization' THEN 'Synthetic Organisation ' || n || ' (demo)' END,
           CASE WHEN kind = 'organization' THEN 'https://org' || n || '.example.org' END,
           n % 4 <> 0, 'counted', 0, '', at, at, at, at, at
         FROM rows`,
      ).run(count, from, step, prefix, letter.id, prefix, prefix);
      for (const { sql } of indexes) db.exec(sql);
      const stamp = new Date().toISOString().replace("Z", "+00:00");
      db.prepare(
        `INSERT INTO CountShard (letterId, country, kind, shard, count, updatedAt)
         SELECT letterId, country, kind, 0, count(*), ? FROM Signature WHERE letterId = ? AND id >= ? AND id < ? GROUP BY country, kind
         ON CONFLICT (letterId, country, kind, shard) DO UPDATE SET count = count + excluded.count, updatedAt = excluded.updatedAt`,
      ).run(stamp, letter.id, prefix, `${prefix}~`);
      db.prepare(
        `INSERT INTO DailyCount (letterId, day, kind, count, updatedAt)
         SELECT letterId, substr(countedAt, 1, 10), kind, count(*), ? FROM Signature WHERE letterId = ? AND id >= ? AND id < ?
         GROUP BY substr(countedAt, 1, 10), kind
         ON CONFLICT (letterId, day, kind) DO UPDATE SET count = count + excluded.count, updatedAt = excluded.updatedAt`,
      ).run(stamp, letter.id, prefix, `${prefix}~`);
    })();
  } finally {
    db.close();
  }
  return Date.now() - started;
}

/** The PostgreSQL twin of loadSignatures (the same rows, counters and history); returns milliseconds. */
export async function loadSignaturesPostgresql({ url, slug, count, days = 60 }: { url: string; slug: string; count: number; days?: number }): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    const letter = (await client.query<{ id: string }>(`SELECT "id" FROM "Letter" WHERE "slug" = $1`, [slug])).rows[0];
    if (!letter) throw new Error(`no letter ${slug}`);
    const indexes = (
      await client.query<{ name: string; sql: string }>(
        `SELECT i.indexname AS "name", i.indexdef AS "sql" FROM pg_indexes i
         WHERE i.schemaname = current_schema() AND i.tablename = 'Signature'
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      )
    ).rows;
    // Its foreign keys too: checked row by row they cost half the insert's time; added
    // back after, each is checked in one pass.
    const foreignKeys = (
      await client.query<{ name: string; definition: string }>(
        `SELECT conname AS "name", pg_get_constraintdef(oid) AS "definition" FROM pg_constraint
         WHERE conrelid = '"Signature"'::regclass AND contype = 'f'`,
      )
    ).rows;
    for (const { name } of indexes) await client.query(`DROP INDEX "${name}"`);
    for (const { name } of foreignKeys) await client.query(`ALTER TABLE "Signature" DROP CONSTRAINT "${name}"`);
    const now = Date.now() / 1000;
    const from = now - days * 86_400;
    const prefix = `load${Date.now().toString(36)}`;
    // Ids padded to one width, so they arrive in key order (appended to the primary key).
    await client.query(
      `INSERT INTO "Signature" ("id", "letterId", "kind", "name", "email", "emailCanonical", "emailDomain", "country", "title",
         "organizationName", "website", "listPublicly", "status", "domainMatch", "flags", "consentAt", "createdAt", "updatedAt",
         "confirmedAt", "countedAt")
       SELECT $1 || lpad(n::text, ${String(count).length}, '0'), $2, kind, 'Synthetic Signer ' || n || ' (demo)', $1 || n || '@example.org', $1 || n || '@example.org',
         'example.org', ($3::text[])[((n::bigint * 7919) % ${COUNTRIES.length})::int + 1], CASE WHEN n % 3 = 0 THEN 'Researcher' END,
         CASE WHEN kind = 'organization' THEN 'Synthetic Organisation ' || n || ' (demo)' END,
         CASE WHEN kind = 'organization' THEN 'https://org' || n || '.example.org' END,
         n % 4 <> 0, 'counted', false, '', at, at, at, at, at
       FROM generate_series(0, $4::int - 1) AS n,
         LATERAL (SELECT CASE WHEN n % 25 = 0 THEN 'organization' ELSE 'individual' END AS kind,
                         to_timestamp($5::float8 + n * $6::float8) AT TIME ZONE 'UTC' AS at) AS row`,
      [prefix, letter.id, COUNTRIES, count, from, (now - from) / count],
    );
    for (const { sql } of indexes) await client.query(sql);
    for (const { name, definition } of foreignKeys) await client.query(`ALTER TABLE "Signature" ADD CONSTRAINT "${name}" ${definition}`);
    const stamp = new Date().toISOString(); // the columns are UTC timestamps without a zone
    await client.query(
      `INSERT INTO "CountShard" ("letterId", "country", "kind", "shard", "count", "updatedAt")
       SELECT "letterId", "country", "kind", 0, count(*), $3 FROM "Signature" WHERE "letterId" = $1 AND starts_with("id", $2)
       GROUP BY "letterId", "country", "kind"
       ON CONFLICT ("letterId", "country", "kind", "shard") DO UPDATE
       SET "count" = "CountShard"."count" + excluded."count", "updatedAt" = excluded."updatedAt"`,
      [letter.id, prefix, stamp],
    );
    await client.query(
      `INSERT INTO "DailyCount" ("letterId", "day", "kind", "count", "updatedAt")
       SELECT "letterId", to_char("countedAt", 'YYYY-MM-DD'), "kind", count(*), $3 FROM "Signature" WHERE "letterId" = $1 AND starts_with("id", $2)
       GROUP BY "letterId", to_char("countedAt", 'YYYY-MM-DD'), "kind"
       ON CONFLICT ("letterId", "day", "kind") DO UPDATE
       SET "count" = "DailyCount"."count" + excluded."count", "updatedAt" = excluded."updatedAt"`,
      [letter.id, prefix, stamp],
    );
    await client.query("COMMIT");
    // A million new rows: the planner's statistics must know before the app asks.
    await client.query(`ANALYZE "Signature"`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return Date.now() - started;
}

if (import.meta.filename === process.argv[1]) {
  const [target, slug, count = "1000000"] = process.argv.slice(2);
  if (!target || !slug) {
    console.error("usage: load-signatures.ts <sqlite file | postgresql://...> <slug> [count]");
    process.exit(1);
  }
  const ms = /^postgres(ql)?:\/\//.test(target)
    ? await loadSignaturesPostgresql({ url: target, slug, count: Number(count) })
    : loadSignatures({ file: target.replace(/^file:/, ""), slug, count: Number(count) });
  console.log(`loaded ${Number(count).toLocaleString("en")} signatures into ${slug} in ${(ms / 1000).toFixed(1)} s`);
}
