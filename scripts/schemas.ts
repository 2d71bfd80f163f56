// One Prisma schema is the source of truth (prisma/schema.prisma, SQLite). Prisma allows
// one provider per schema and ties a generated client to it, so the PostgreSQL schema is
// derived from it here: the same datamodel with the provider and the client's output
// changed. A test fails when the committed copy differs from what this writes.
import fs from "node:fs";
import path from "node:path";
import type { DatabaseProvider } from "../lib/database-url";

export const root = path.resolve(import.meta.dirname, "..");

/** Where each database's schema, migrations and generated client live. */
export const SCHEMAS: Record<DatabaseProvider, { schema: string; migrations: string; client: string }> = {
  sqlite: {
    schema: path.join("prisma", "schema.prisma"),
    migrations: path.join("prisma", "migrations"),
    client: path.join("lib", "generated", "prisma"),
  },
  postgresql: {
    schema: path.join("prisma", "postgresql", "schema.prisma"),
    migrations: path.join("prisma", "postgresql", "migrations"),
    client: path.join("lib", "generated", "prisma-postgresql"),
  },
};

/** The PostgreSQL schema's text, derived from prisma/schema.prisma. */
export function derivePostgresqlSchema(source = fs.readFileSync(path.join(root, SCHEMAS.sqlite.schema), "utf8")): string {
  const withProvider = source.replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  const withOutput = withProvider.replace(/(generator client \{[^}]*output\s*=\s*)"[^"]*"/, '$1"../../lib/generated/prisma-postgresql"');
  if (withProvider === source || withOutput === withProvider) {
    throw new Error("prisma/schema.prisma: expected a sqlite datasource and a generator output to derive the PostgreSQL schema from");
  }
  const header = "// Written by scripts/schemas.ts from prisma/schema.prisma: edit that file, not this one.\n";
  return header + withOutput;
}

/** Writes prisma/postgresql/schema.prisma; true when it changed. */
export function writePostgresqlSchema(): boolean {
  const file = path.join(root, SCHEMAS.postgresql.schema);
  const text = derivePostgresqlSchema();
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return true;
}

/** Migration folders (those holding a migration.sql), oldest first. */
export function migrationNames(provider: DatabaseProvider): string[] {
  const dir = path.join(root, SCHEMAS[provider].migrations);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "migration.sql"))).sort();
}
