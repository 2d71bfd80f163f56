import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

// Runs before each test file's imports: gives the file its own copy of the migrated
// template database, so lib/db connects to a real SQLite file nobody else writes.
const template = inject("templateDatabase");
const file = path.join(path.dirname(template), `${crypto.randomUUID()}.db`);
fs.copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.APP_URL = "http://letters.test";
process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-0123";
delete process.env.RESEND_API_KEY;
