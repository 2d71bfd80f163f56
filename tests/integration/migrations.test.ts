import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { currentSqliteDatamodel, diffSql } from "@/scripts/new-migration";
import { SCHEMAS, derivePostgresqlSchema, migrationNames, root } from "@/scripts/schemas";
import { provider } from "@/lib/db";

// One schema is the source of truth; each database's migrations must build exactly it.
// A schema edited without `npm run db:migration -- <name>`, or a migration edited by
// hand on one side only, fails here.

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-test-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("migrations against prisma/schema.prisma", () => {
  it("prisma/postgresql/schema.prisma is the one derived from prisma/schema.prisma", () => {
    expect(fs.readFileSync(path.join(root, SCHEMAS.postgresql.schema), "utf8")).toBe(derivePostgresqlSchema());
  });

  it("both databases have the same migrations, in the same order", () => {
    expect(migrationNames("postgresql")).toEqual(migrationNames("sqlite"));
    expect(migrationNames("sqlite").length).toBeGreaterThan(0);
  });

  it("SQLite's migrations build the schema: no difference left to migrate, on either database", () => {
    const current = currentSqliteDatamodel(scratch);
    expect(diffSql("sqlite", current, scratch)).toBeNull();
    expect(diffSql("postgresql", current, scratch)).toBeNull();
  }, 60_000);

  // Needs a server: runs in the PostgreSQL pass of the suite (TEST_POSTGRESQL_URL).
  it.runIf(provider === "postgresql")("PostgreSQL's migrations build the PostgreSQL schema (migrate diff --from-migrations)", () => {
    const run = () =>
      execFileSync(
        path.join(root, "node_modules/.bin/prisma"),
        ["migrate", "diff", "--from-migrations", SCHEMAS.postgresql.migrations, "--to-schema-datamodel", SCHEMAS.postgresql.schema, "--exit-code"],
        { cwd: root, env: { ...process.env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
    // exit code 2 (a difference) or 1 (an error) throws, with the CLI's output
    expect(run()).toContain("No difference detected");
  }, 60_000);
});
