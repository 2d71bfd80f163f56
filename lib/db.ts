import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { getEnv } from "./env";
import { sqlitePath } from "./database-url";

// The one Prisma client. SQLite by default: WAL lets readers run beside the single
// writer, and the busy timeout makes concurrent writers wait instead of failing.

function createClient(): PrismaClient {
  const url = getEnv().DATABASE_URL;
  if (!sqlitePath(url)) {
    throw new Error("DATABASE_URL: PostgreSQL is not wired up yet; use a file: URL for SQLite");
  }
  const adapter = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pragmas?: Promise<void> };

export const db: PrismaClient = globalForDb.prisma ?? (globalForDb.prisma = createClient());

/** Per-connection settings; call once before first use (the app's start does). */
export function configureDatabase(): Promise<void> {
  globalForDb.pragmas ??= (async () => {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  })();
  return globalForDb.pragmas;
}

export type { PrismaClient };
