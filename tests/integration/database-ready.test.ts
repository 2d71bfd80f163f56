import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrationNames } from "@/scripts/schemas";
import { databaseUrlFor } from "../support/global-setup";

// Getting a database ready beside running processes (a rolling restart starts the new
// process before it stops the old one), as `npm start` and `npm run db:migrate` do:
// real processes, real databases.

const root = path.resolve(import.meta.dirname, "../..");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "database-ready-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
// The suite runs twice (SQLite, then PostgreSQL with TEST_POSTGRESQL_URL): the SQLite and
// configuration cases run in the first pass, the PostgreSQL case in the second.
const server = process.env.TEST_POSTGRESQL_URL;

function dbMigrate(databaseUrl: string, extra: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "./scripts/server-only-hook.mjs", "--import", "tsx", "scripts/prepare.ts", "--migrate-only"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, ...extra },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe.runIf(!server)("SQLite", () => {
  it("two processes starting together both come up, and the migrations are applied once", async () => {
    const file = path.join(scratch, `${crypto.randomUUID()}.db`);
    const [a, b] = await Promise.all([dbMigrate(`file:${file}`), dbMigrate(`file:${file}`)]);
    expect([a.code, b.code], a.output + b.output).toEqual([0, 0]);
    const sqlite = new Database(file, { readonly: true });
    const applied = sqlite.prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`).all();
    sqlite.close();
    expect(applied.map((row) => (row as { migration_name: string }).migration_name).sort()).toEqual(migrationNames("sqlite"));
  }, 60_000);

  it("a process started beside a busy app comes up: nothing pending, nothing run", async () => {
    const file = path.join(scratch, `${crypto.randomUUID()}.db`);
    expect((await dbMigrate(`file:${file}`)).code).toBe(0);
    // The running app, in the middle of a write.
    const app = new Database(file);
    app.pragma("journal_mode = WAL");
    app.exec("BEGIN IMMEDIATE");
    app.prepare(`UPDATE "Letter" SET "title" = "title"`).run();
    try {
      const beside = await dbMigrate(`file:${file}`);
      expect(beside.code, beside.output).toBe(0);
      expect(beside.output).not.toMatch(/migrations applied|Error/);
    } finally {
      app.exec("COMMIT");
      app.close();
    }
  }, 60_000);
});

describe.runIf(!!server)("PostgreSQL", () => {
  const databases: string[] = [];
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it("two processes starting together on a new database both come up, and the migrations are applied once", async () => {
    const name = `letters_ready_${crypto.randomBytes(4).toString("hex")}`;
    databases.push(name);
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = databaseUrlFor(server!, name);
    const [a, b] = await Promise.all([dbMigrate(url), dbMigrate(url)]);
    expect([a.code, b.code], a.output + b.output).toEqual([0, 0]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`);
    await client.end();
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames("postgresql"));
  }, 120_000);
});

describe.runIf(!server)("bad configuration gets a clear message", () => {
  it("an unreachable PostgreSQL names the host and what to check", async () => {
    const { code, output } = await dbMigrate("postgresql://letters:letters@127.0.0.1:9/letters", { DATABASE_WAIT_SECONDS: "1" });
    expect(code).toBe(1);
    expect(output).toMatch(/DATABASE_URL: cannot reach PostgreSQL at 127\.0\.0\.1:9\/letters/);
    expect(output).toMatch(/Check that the server is running/);
    expect(output).not.toContain("letters:letters"); // never the password
  }, 60_000);

  it("a DATABASE_URL that is neither file: nor postgresql:// names the variable", async () => {
    const { code, output } = await dbMigrate("mysql://root@localhost/letters");
    expect(code).toBe(1);
    expect(output).toMatch(/DATABASE_URL: must be a file: path for SQLite or a postgresql:\/\/ URL/);
  }, 60_000);
});
