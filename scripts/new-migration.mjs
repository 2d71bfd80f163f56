#!/usr/bin/env node
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between
// the datamodel the existing migrations produce and prisma/schema.prisma.
// `prisma migrate dev` needs a shadow database the offline JS engine cannot give, so the
// current datamodel is rebuilt on a scratch SQLite file and read back with `db pull`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lowercase letters, digits and _)");
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, "..");
const migrationsDir = path.join(root, "prisma", "migrations");
const prisma = path.join(root, "node_modules", ".bin", "prisma");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "migration-"));
const env = { ...process.env, DATABASE_URL: `file:${path.join(scratch, "current.db")}` };
const run = (args) => execFileSync(prisma, args, { cwd: root, env, encoding: "utf8" });

const existing = fs.existsSync(migrationsDir)
  ? fs.readdirSync(migrationsDir).filter((d) => fs.existsSync(path.join(migrationsDir, d, "migration.sql")))
  : [];

let from = ["--from-empty"];
if (existing.length > 0) {
  run(["migrate", "deploy"]);
  const current = path.join(scratch, "current.prisma");
  // the CLI prints a warning about the adapter before the schema: keep the schema only
  const pulled = run(["db", "pull", "--print"]);
  const start = pulled.search(/^(generator|datasource|model|enum) /m);
  fs.writeFileSync(current, pulled.slice(Math.max(0, start)));
  from = ["--from-schema-datamodel", current];
}

const sql = run(["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"]);
fs.rmSync(scratch, { recursive: true, force: true });
if (/^-- This is an empty migration\.\s*$/.test(sql.trim()) || sql.trim() === "") {
  console.log("prisma/schema.prisma matches the migrations: nothing to write.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
const lock = path.join(migrationsDir, "migration_lock.toml");
if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "sqlite"\n');
console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
