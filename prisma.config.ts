import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseProvider, resolveDatabaseUrl } from "./lib/database-url";
import { PrismaPgCli } from "./prisma/postgresql-cli-adapter";
import { SCHEMAS } from "./scripts/schemas";

// The CLI runs on the JavaScript engine with a driver adapter: no engine download.
// DATABASE_URL picks the database, and with it the schema and migrations: SQLite's
// (the source of truth) or PostgreSQL's (derived from it by scripts/schemas.ts).
const databaseUrl = resolveDatabaseUrl(process.env.DATABASE_URL);
process.env.DATABASE_URL = databaseUrl;
const provider = databaseProvider(databaseUrl);

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: SCHEMAS[provider].schema,
  migrations: { path: SCHEMAS[provider].migrations },
  async adapter() {
    return provider === "postgresql" ? new PrismaPgCli(databaseUrl) : new PrismaBetterSQLite3({ url: databaseUrl });
  },
});
