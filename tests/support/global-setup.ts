import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

// Migrates one template database for the run; each test file works on its own copy
// (tests/support/database.ts), so files run in parallel on real, separate databases.
// SQLite by default; with TEST_POSTGRESQL_URL (a server and a role that may create
// databases, e.g. postgresql://letters:letters@127.0.0.1:5432/postgres) the same tests
// run on PostgreSQL, each file on a database copied from the template.
const root = path.resolve(import.meta.dirname, "../..");

function migrate(databaseUrl: string) {
  execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export default async function setup(project: TestProject) {
  const server = process.env.TEST_POSTGRESQL_URL;
  if (server) {
    const run = `letters_test_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${run}_template"`);
    await admin.end();
    migrate(databaseUrlFor(server, `${run}_template`));
    project.provide("templateDatabase", databaseUrlFor(server, `${run}_template`));
    return async () => {
      const cleanup = new pg.Client({ connectionString: server });
      await cleanup.connect();
      const { rows } = await cleanup.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${run}%`]);
      for (const { datname } of rows) await cleanup.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await cleanup.end();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "letters-test-"));
  const template = path.join(dir, "template.db");
  migrate(`file:${template}`);
  project.provide("templateDatabase", `file:${template}`);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

export function databaseUrlFor(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    /** file: path of the migrated SQLite template, or the postgresql:// URL of the template database */
    templateDatabase: string;
  }
}
