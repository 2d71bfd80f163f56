// `npm run db:migration -- <name>`: writes the migration for both databases, from the
// difference between the datamodel the existing migrations produce and the schema.
// - SQLite: prisma/migrations/<stamp>_<name>/migration.sql. `prisma migrate dev` needs a
//   shadow database the offline JS engine cannot give, so the current datamodel is
//   rebuilt on a scratch SQLite file and read back with `db pull`.
// - PostgreSQL: prisma/postgresql/migrations/<stamp>_<name>/migration.sql, the same
//   difference (that pulled datamodel with its provider switched) rendered for
//   PostgreSQL: no server needed. prisma/postgresql/schema.prisma is derived first.
// Each database's migrations are checked against the schema by tests/integration/migrations.test.ts.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DatabaseProvider } from "../lib/database-url";
import { SCHEMAS, migrationNames, root, writePostgresqlSchema } from "./schemas";

const prisma = path.join(root, "node_modules", ".bin", "prisma");

/** The datamodel SQLite's migrations produce, as schema text (null when there are none). */
export function currentSqliteDatamodel(scratch: string): string | null {
  if (migrationNames("sqlite").length === 0) return null;
  const env = { ...process.env, DATABASE_URL: `file:${path.join(scratch, "current.db")}` };
  const run = (args: string[]) => execFileSync(prisma, args, { cwd: root, env, encoding: "utf8" });
  run(["migrate", "deploy"]);
  // the CLI prints a warning about the adapter before the schema: keep the schema only
  const pulled = run(["db", "pull", "--print"]);
  return pulled.slice(Math.max(0, pulled.search(/^(generator|datasource|model|enum) /m)));
}

/** The SQL that takes `from` (datamodel text, or null for an empty database) to the provider's schema. */
export function diffSql(provider: DatabaseProvider, from: string | null, scratch: string): string | null {
  // The CLI opens its adapter even to diff two datamodels: a scratch SQLite file serves
  // both providers (the PostgreSQL SQL comes from the datamodels alone, no server).
  const databaseUrl = `file:${path.join(scratch, "diff.db")}`;
  let fromArgs = ["--from-empty"];
  if (from !== null) {
    const file = path.join(scratch, `from-${provider}.prisma`);
    fs.writeFileSync(file, provider === "postgresql" ? from.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"') : from);
    fromArgs = ["--from-schema-datamodel", file];
  }
  const sql = execFileSync(prisma, ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", SCHEMAS[provider].schema, "--script"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  return /^-- This is an empty migration\.\s*$/.test(sql.trim()) || sql.trim() === "" ? null : sql;
}

function writeMigration(provider: DatabaseProvider, folder: string, sql: string): void {
  const migrations = path.join(root, SCHEMAS[provider].migrations);
  const dir = path.join(migrations, folder);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  const lock = path.join(migrations, "migration_lock.toml");
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, `provider = "${provider}"\n`);
  console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
}

if (import.meta.filename === process.argv[1]) {
  const name = (process.argv[2] ?? "").trim();
  if (!/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run db:migration -- <name>   (lowercase letters, digits and _)");
    process.exit(2);
  }
  if (writePostgresqlSchema()) console.log("wrote prisma/postgresql/schema.prisma");
  const sqliteCount = migrationNames("sqlite").length;
  const postgresqlCount = migrationNames("postgresql").length;
  if (sqliteCount !== postgresqlCount) {
    console.error(`prisma/migrations has ${sqliteCount} migrations and prisma/postgresql/migrations ${postgresqlCount}: they must move together.`);
    process.exit(1);
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "migration-"));
  try {
    const current = currentSqliteDatamodel(scratch);
    const sqlite = diffSql("sqlite", current, scratch);
    const postgresql = diffSql("postgresql", current, scratch);
    if (!sqlite && !postgresql) {
      console.log("prisma/schema.prisma matches the migrations: nothing to write.");
    } else {
      const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
      // Both or neither: a change SQLite cannot see (or PostgreSQL cannot) still gets a step on each side.
      writeMigration("sqlite", `${stamp}_${name}`, sqlite ?? "-- Nothing changes on SQLite.\nSELECT 1;\n");
      writeMigration("postgresql", `${stamp}_${name}`, postgresql ?? "-- Nothing changes on PostgreSQL.\nSELECT 1;\n");
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
