// Gets a database ready for a process that is about to use it, beside others that may
// already be running on it (a rolling restart starts the new process before it stops
// the old one): waits for the database to answer, then, under a lock, applies the
// migrations only when some are pending. `prisma migrate deploy` is not run otherwise:
// beside a busy SQLite app it fails (the database being locked), and on PostgreSQL it
// costs ten seconds even with nothing to do.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider, describePostgresql, sqlitePath } from "../lib/database-url";
import { migrationNames, root } from "./schemas";

const prisma = path.join(root, "node_modules", ".bin", "prisma");
const MIGRATION_LOCK_KEY = 7_046_220_101; // pg_advisory_lock key: "open letters, migrations"

export class DatabaseUnavailable extends Error {}

/** Waits up to `seconds` for PostgreSQL to accept a connection; says which server and what to check. */
export async function waitForPostgresql(url: string, seconds: number): Promise<void> {
  const where = describePostgresql(url);
  const deadline = Date.now() + seconds * 1000;
  for (let said = false; ; ) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      const { code, message } = error as { code?: string; message: string };
      // Wrong credentials or a missing database will not mend themselves: say so at once.
      if (code === "28P01" || code === "28000") {
        throw new DatabaseUnavailable(`DATABASE_URL: PostgreSQL at ${where} refused the user and password (${message}). Check the user and password in DATABASE_URL.`);
      }
      if (code === "3D000") {
        throw new DatabaseUnavailable(`DATABASE_URL: ${message} at ${where}. Create it (createdb) or correct the database name in DATABASE_URL.`);
      }
      if (Date.now() >= deadline) {
        throw new DatabaseUnavailable(
          `DATABASE_URL: cannot reach PostgreSQL at ${where} (${code ?? message}). Check that the server is running ` +
            "and listening on that host and port (pg_lsclusters, pg_ctlcluster 15 main start), and that DATABASE_URL names them.",
        );
      }
      if (!said) console.log(`waiting for PostgreSQL at ${where} (${code ?? message})...`);
      said = true;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** Runs `task` while holding the database's migration lock (other processes starting now wait). */
async function withMigrationLock<T>(url: string, task: () => Promise<T>): Promise<T> {
  const file = sqlitePath(url);
  if (file) {
    // A second SQLite file as the lock: BEGIN IMMEDIATE waits for the holder, and the
    // lock goes with its holder if that process dies.
    const lock = new Database(`${file}.migrate-lock`, { timeout: 300_000 });
    try {
      lock.exec("BEGIN IMMEDIATE");
      return await task();
    } finally {
      lock.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    return await task();
  } finally {
    await client.end(); // ending the session releases the lock
  }
}

/** Names of the migrations the database has applied. */
async function appliedMigrations(url: string): Promise<Set<string>> {
  const query = `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const file = sqlitePath(url);
  if (file) {
    if (!fs.existsSync(file)) return new Set();
    const sqlite = new Database(file, { readonly: true, timeout: 30_000 });
    try {
      const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
      if (!table) return new Set();
      return new Set((sqlite.prepare(query).all() as { migration_name: string }[]).map((row) => row.migration_name));
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS "exists"`);
    if (!exists.rows[0].exists) return new Set();
    return new Set((await client.query(query)).rows.map((row) => row.migration_name as string));
  } finally {
    await client.end();
  }
}

export async function pendingMigrations(url: string): Promise<string[]> {
  const applied = await appliedMigrations(url);
  return migrationNames(databaseProvider(url)).filter((name) => !applied.has(name));
}

/**
 * Waits for the database, then applies pending migrations under the lock, and runs
 * `alsoUnderLock` (publishing the shipped letters) there too, so two processes starting
 * together never both write them.
 */
export async function prepareDatabase(url: string, { waitSeconds = 60, alsoUnderLock }: { waitSeconds?: number; alsoUnderLock?: () => void } = {}) {
  const file = sqlitePath(url);
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
  else await waitForPostgresql(url, waitSeconds);
  await withMigrationLock(url, async () => {
    const pending = await pendingMigrations(url);
    if (pending.length > 0) {
      execFileSync(prisma, ["migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
      console.log(`migrations applied: ${pending.join(", ")}`);
    }
    if (file) {
      // WAL is a property of the file: set once, it holds for every later connection.
      const sqlite = new Database(file, { timeout: 30_000 });
      sqlite.pragma("journal_mode = WAL");
      sqlite.close();
    }
    alsoUnderLock?.();
  });
}
