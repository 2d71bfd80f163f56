// Gets the database ready: generates the Prisma client when the schema changed,
// applies migrations, sets WAL mode, and publishes the shipped letters.
// Used by `npm start`, `npm test` and `npm run build`; safe to run any number of times.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ConfigError, getEnv } from "../lib/env";
import { sqlitePath } from "../lib/database-url";

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

export function generateClient(): void {
  const schema = fs.readFileSync(path.join(root, "prisma", "schema.prisma"));
  const hash = crypto.createHash("sha256").update(schema).digest("hex");
  const stamp = path.join(root, "lib", "generated", "prisma", ".schema-hash");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === hash) return;
  execFileSync(bin("prisma"), ["generate"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  fs.writeFileSync(stamp, hash);
  console.log("prisma client generated");
}

export function migrate(databaseUrl: string): void {
  const file = sqlitePath(databaseUrl);
  if (file) fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync(bin("prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (file) {
    // WAL is a property of the file: set once, it holds for every later connection.
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
  }
}

export function seed(databaseUrl: string): void {
  execFileSync(process.execPath, ["--import", "./scripts/server-only-hook.mjs", "--import", "tsx", "scripts/seed.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "inherit",
  });
}

if (import.meta.filename === process.argv[1]) {
  const env = loadEnvOrExit();
  const only = process.argv[2];
  generateClient();
  if (only !== "--generate-only") {
    migrate(env.DATABASE_URL);
    if (only !== "--migrate-only") seed(env.DATABASE_URL);
  }
}
