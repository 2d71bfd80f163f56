import { db, provider } from "@/lib/db";

/**
 * Every table and column in which `needle` appears (case-insensitively), read row by row
 * from the database itself, so a table added later is searched too.
 */
export async function wherePersonalDataRemains(needle: string): Promise<string[]> {
  const tables =
    provider === "postgresql"
      ? (await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
        )).map((t) => t.name)
      : (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)).map((t) => t.name);
  const found: string[] = [];
  const lower = needle.toLowerCase();
  for (const table of tables) {
    // On PostgreSQL each row as JSON text: some columns have types Prisma will not read raw.
    const rows =
      provider === "postgresql"
        ? (await db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS "row" FROM "${table}" t`)).map((r) => JSON.parse(r.row) as Record<string, unknown>)
        : await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value !== null && String(value).toLowerCase().includes(lower)) found.push(`${table}.${column}`);
      }
    }
  }
  return [...new Set(found)];
}
