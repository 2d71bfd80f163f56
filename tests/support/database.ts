import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";

// Runs before each test file's imports: gives the file its own copy of the migrated
// template database, so lib/db connects to a real database nobody else writes.
const template = inject("templateDatabase");
if (template.startsWith("file:")) {
  const file = path.join(path.dirname(template.slice("file:".length)), `${crypto.randomUUID()}.db`);
  fs.copyFileSync(template.slice("file:".length), file);
  process.env.DATABASE_URL = `file:${file}`;
} else {
  const url = new URL(template);
  const name = `${url.pathname.slice(1).replace(/_template$/, "")}_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: template.replace(/\/[^/]*$/, "/postgres") });
  await admin.connect();
  // Files start together: PostgreSQL copies a template for one CREATE DATABASE at a time.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${url.pathname.slice(1)}"`);
      break;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
  await admin.end();
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
}
process.env.APP_URL = "http://letters.test";
process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-0123";
delete process.env.RESEND_API_KEY;
