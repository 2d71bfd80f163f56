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
