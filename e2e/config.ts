import path from "node:path";

// Where the end-to-end run's app, stand-in and database live.
// Ports can be moved (E2E_APP_PORT, E2E_STAND_IN_PORT) to run two checkouts side by side.
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const STAND_IN_PORT = Number(process.env.E2E_STAND_IN_PORT ?? 3901);
// localhost, not 127.0.0.1: Next.js reports loopback requests as localhost, and Auth.js
// compares origins.
export const APP_URL = `http://localhost:${APP_PORT}`;
export const STAND_IN_URL = `http://127.0.0.1:${STAND_IN_PORT}`;
export const RESEND_TEST_KEY = "re_test_e2e_key";
export const E2E_DATA_DIR = path.resolve(import.meta.dirname, ".data");
export const E2E_DATABASE = path.join(E2E_DATA_DIR, "e2e.db");

/**
 * The database the e2e app runs on: SQLite (a file under e2e/.data) unless
 * E2E_DATABASE=postgresql, then a database of its own on the server TEST_POSTGRESQL_URL
 * names (a role that may create databases), named after the app's port.
 */
export const E2E_DATABASE_KIND: "sqlite" | "postgresql" = process.env.E2E_DATABASE === "postgresql" ? "postgresql" : "sqlite";
export const E2E_DATABASE_URL =
  E2E_DATABASE_KIND === "postgresql" ? postgresqlDatabaseUrl(`open_letters_e2e_${APP_PORT}`) : `file:${E2E_DATABASE}`;

/** The URL of a database on the TEST_POSTGRESQL_URL server (the server's own database, with `name` unset). */
export function postgresqlDatabaseUrl(name?: string): string {
  const server = process.env.TEST_POSTGRESQL_URL;
  if (!server) {
    throw new Error("E2E_DATABASE=postgresql needs TEST_POSTGRESQL_URL, e.g. postgresql://letters:letters@127.0.0.1:5432/postgres");
  }
  if (name === undefined) return server;
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
