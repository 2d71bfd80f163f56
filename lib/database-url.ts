import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/open-letters.db";

/**
 * The DATABASE_URL with a SQLite path made absolute (relative paths are taken from
 * the project root, wherever the process was started from).
 */
export function resolveDatabaseUrl(value: string | undefined): string {
  const url = value && value.trim() !== "" ? value.trim() : DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) return url;
  const file = url.slice("file:".length);
  if (file === ":memory:" || path.isAbsolute(file)) return url;
  return `file:${path.resolve(/* turbopackIgnore: true */ process.cwd(), file)}`;
}

export function sqlitePath(url: string): string | null {
  return url.startsWith("file:") ? url.slice("file:".length) : null;
}

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** host:port/database of a PostgreSQL URL, for messages (never the password). */
export function describePostgresql(url: string): string {
  const parsed = URL.parse(url);
  return parsed ? `${parsed.hostname || "localhost"}:${parsed.port || "5432"}${parsed.pathname}` : "(an address that is not a valid URL)";
}
