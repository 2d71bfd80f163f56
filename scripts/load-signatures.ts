// Loads synthetic counted signatures into a letter fast (a million in seconds), with the
// counters and daily history to match, for the benchmark and for trying the app at size.
// Usage: node --import tsx scripts/load-signatures.ts <sqlite file> <slug> [count]   (app stopped)
// Rows are made inside SQLite by one INSERT ... SELECT over a generated sequence; the
// Signature table's secondary indexes are dropped first and rebuilt after, which is
// several times faster than updating them row by row.
import Database from "better-sqlite3";

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

if (import.meta.filename === process.argv[1]) {
  const [file, slug, count = "1000000"] = process.argv.slice(2);
  if (!file || !slug) {
    console.error("usage: load-signatures.ts <sqlite file> <slug> [count]");
    process.exit(1);
  }
  const ms = loadSignatures({ file, slug, count: Number(count) });
  console.log(`loaded ${Number(count).toLocaleString("en")} signatures into ${slug} in ${(ms / 1000).toFixed(1)} s`);
}
