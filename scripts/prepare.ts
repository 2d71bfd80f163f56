// Gets the database ready: generates the Prisma clients when a schema changed, applies
// pending migrations (under a lock, waiting for the database), sets WAL mode on SQLite,
// and publishes the shipped letters.
// Used by `npm start`, `npm test` and `npm run build`; safe to run any number of times,
// and beside running app processes.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ConfigError, getEnv } from "../lib/env";
import type { DatabaseProvider } from "../lib/database-url";
import { DatabaseUnavailable, prepareDatabase } from "./database-ready";
import { SCHEMAS, writePostgresqlSchema } from "./schemas";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

export function loadEnvOrExit() {
  try {
    const env = getEnv();
    process.env.DATABASE_URL = env.DATABASE_URL;
    process.env.AUTH_SECRET = env.AUTH_SECRET;
    return env;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

// The CLI reads the schema named by DATABASE_URL's kind (prisma.config.ts); generating
// connects to nothing, so any URL of the right kind will do.
const GENERATE_URL: Record<DatabaseProvider, string> = {
  sqlite: "file:./data/generate.db",
  postgresql: "postgresql://generate@localhost:5432/generate",
};

/** Both clients (SQLite's and PostgreSQL's), each regenerated when its schema changed. */
export function generateClient(): void {
  if (writePostgresqlSchema()) console.log("prisma/postgresql/schema.prisma written from prisma/schema.prisma");
  for (const provider of ["sqlite", "postgresql"] as const) {
    const { schema, client } = SCHEMAS[provider];
    const hash = crypto.createHash("sha256").update(fs.readFileSync(path.join(root, schema))).digest("hex");
    const stamp = path.join(root, client, ".schema-hash");
    if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash) continue;
    execFileSync(bin("prisma"), ["generate"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: GENERATE_URL[provider] },
      stdio: ["ignore", "ignore", "inherit"],
    });
    fs.writeFileSync(stamp, hash);
    console.log(`prisma client generated (${provider})`);
  }
}

export function seed(databaseUrl: string): void {
  execFileSync(process.execPath, ["--import", "./scripts/server-only-hook.mjs", "--import", "tsx", "scripts/seed.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "inherit",
  });
}

/** Migrations (and, with `withSeed`, the shipped letters), or exit with a message naming what to check. */
export async function migrate(databaseUrl: string, { withSeed = false } = {}): Promise<void> {
  try {
    await prepareDatabase(databaseUrl, {
      waitSeconds: Number(process.env.DATABASE_WAIT_SECONDS || 60),
      alsoUnderLock: withSeed ? () => seed(databaseUrl) : undefined,
    });
  } catch (error) {
    if (!(error instanceof DatabaseUnavailable)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

if (import.meta.filename === process.argv[1]) {
  const env = loadEnvOrExit();
  const only = process.argv[2];
  generateClient();
  if (only !== "--generate-only") await migrate(env.DATABASE_URL, { withSeed: only !== "--migrate-only" });
}
