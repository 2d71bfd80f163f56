import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresqlClient } from "./generated/prisma-postgresql/client";
import { getEnv } from "./env";
import { databaseProvider } from "./database-url";
import { processMemory } from "./memory/process-memory";

// The one Prisma client, for the database DATABASE_URL names. SQLite by default: WAL
// lets readers run beside the single writer, and the busy timeout makes concurrent
// writers wait instead of failing. PostgreSQL through `pg`: each database has its own
// generated client (Prisma ties a client to its provider), with the same models, so the
// rest of the code sees one PrismaClient type.

/** Connections per process on PostgreSQL (the server's default allows 100 in all). */
const POSTGRESQL_POOL_SIZE = 10;
/** How long a request waits for a connection before it is told the database is unavailable. */
const POSTGRESQL_CONNECT_TIMEOUT_MS = 5_000;

export const provider = databaseProvider(getEnv().DATABASE_URL);

function createClient(): PrismaClient {
  const url = getEnv().DATABASE_URL;
  if (provider === "postgresql") {
    const adapter = new PrismaPg(
      { connectionString: url, max: POSTGRESQL_POOL_SIZE, connectionTimeoutMillis: POSTGRESQL_CONNECT_TIMEOUT_MS },
      // A connection the server dropped (a restart) is discarded by the pool; the next query opens another.
      { onPoolError: (error) => console.warn(`[db] idle PostgreSQL connection lost: ${error.message}`) },
    );
    return new PostgresqlClient({ adapter }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
}

export const db: PrismaClient = processMemory("db", createClient);

/** Per-connection settings; call once before first use (the app's start does). */
export function configureDatabase(): Promise<void> {
  return processMemory("db.configured", async () => {
    if (provider !== "sqlite") return;
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  });
}

export type { PrismaClient };
