// The bench's own database, SQLite or PostgreSQL, made for one pass and removed after:
// migrated, seeded, with copies of a shipped letter (one empty, one with a thousand
// signatures, one with the synthetic million, one that takes the signing load).
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { loadSignatures, loadSignaturesPostgresql } from "../load-signatures";
import { migrate } from "../prepare";
import { onCleanup } from "./cleanup";

export const BENCH_LETTERS = ["bench-empty", "bench-thousand", "bench-million", "bench-signing"] as const;

export interface ScratchDatabase {
  provider: "sqlite" | "postgresql";
  url: string;
  /** One statement with `?` placeholders and quoted identifiers (the same text for both databases). */
  query<Row = Record<string, unknown>>(statement: string, params?: unknown[]): Promise<Row[]>;
  /** Synthetic counted signatures for a letter, with its counters; returns milliseconds. */
  load(slug: string, count: number): Promise<number>;
}

/** A migrated, seeded scratch database with the bench letters; removed by cleanUp(). */
export async function createScratchDatabase(
  kind: "sqlite" | "postgresql",
  { dir, serverUrl, keep = false }: { dir: string; serverUrl: string; keep?: boolean },
): Promise<ScratchDatabase> {
  const database = kind === "sqlite" ? sqliteDatabase(path.join(dir, "bench.db")) : await postgresqlDatabase(serverUrl, keep);
  await migrate(database.url, { withSeed: true });
  for (const slug of BENCH_LETTERS) {
    await database.query(
      `INSERT INTO "Letter" ("id", "slug", "title", "summary", "body", "kind", "status", "addressedTo", "allowIndividuals",
         "allowOrganizations", "autoApproveMatchingDomain", "goal", "publishedAt", "createdAt", "updatedAt")
       SELECT ?, ?, "title", "summary", "body", "kind", 'open', "addressedTo", TRUE, TRUE, FALSE, 2000000, "publishedAt", "createdAt", "updatedAt"
       FROM "Letter" WHERE "slug" = 'strong-encryption-open-letter'`,
      [slug.replace("-", ""), slug],
    );
  }
  return database;
}

function sqliteDatabase(file: string): ScratchDatabase {
  return {
    provider: "sqlite",
    url: `file:${file}`,
    async query(statement, params = []) {
      const sqlite = new Database(file, { timeout: 10_000 });
      try {
        const prepared = sqlite.prepare(statement);
        if (prepared.reader) return prepared.all(...params) as never;
        prepared.run(...params);
        return [];
      } finally {
        sqlite.close();
      }
    },
    load: async (slug, count) => loadSignatures({ file, slug, count }),
  };
}

/** A database of its own on the server, dropped by cleanUp() unless kept (--keep). */
async function postgresqlDatabase(serverUrl: string, keep: boolean): Promise<ScratchDatabase> {
  const name = `letters_bench_${process.pid}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`;
  const onServer = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await onServer(drop);
  await onServer(`CREATE DATABASE "${name}"`);
  const pool = new pg.Pool({ connectionString: url.href, max: 2 });
  onCleanup(
    `drop database ${name}`,
    async () => {
      await pool.end();
      if (!keep) await onServer(drop);
    },
    // At process exit only synchronous work runs: a child process drops it.
    () => {
      if (keep) return;
      const script = `const pg = require("pg"); const c = new pg.Client(process.argv[1]);
        c.connect().then(() => c.query(process.argv[2])).finally(() => c.end());`;
      execFileSync(process.execPath, ["-e", script, serverUrl, drop], { cwd: path.resolve(import.meta.dirname, "../.."), stdio: "ignore", timeout: 15_000 });
    },
  );
  return {
    provider: "postgresql",
    url: url.href,
    async query(statement, params = []) {
      let n = 0;
      const { rows } = await pool.query(statement.replace(/\?/g, () => `$${++n}`), params);
      return rows;
    },
    load: (slug, count) => loadSignaturesPostgresql({ url: url.href, slug, count }),
  };
}

/** Emails in the outbox, and how many are sent. */
export async function outboxTally(database: ScratchDatabase): Promise<{ all: number; sent: number }> {
  const [row] = await database.query<{ all: unknown; sent: unknown }>(
    `SELECT count(*) AS "all", coalesce(sum(CASE WHEN "status" = 'sent' THEN 1 ELSE 0 END), 0) AS "sent" FROM "OutboxEmail"`,
  );
  return { all: Number(row.all), sent: Number(row.sent) };
}

/** Signatures on a letter (counted or not). */
export async function signatureCount(database: ScratchDatabase, slug: string): Promise<number> {
  const [row] = await database.query<{ n: unknown }>(
    `SELECT count(*) AS "n" FROM "Signature" s JOIN "Letter" l ON l."id" = s."letterId" WHERE l."slug" = ?`,
    [slug],
  );
  return Number(row.n);
}
