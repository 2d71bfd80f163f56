// `npm run bench:admin`: how the moderators' tools behave at a million signatures.
// Loads 1,000,000 synthetic signatures into a scratch database, then times the
// signatures table's queries (first page, filters, searches, deep pages, counts) and a
// full CSV export (rows, seconds, peak RSS growth). Prints figures; asserts nothing.
// The scratch database is SQLite, or, when DATABASE_URL names a PostgreSQL server, a
// database of its own on that server (created and dropped; the one named is not touched).
// Options: --signatures <n> (1000000), --runs <n> (5, the median is printed).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { databaseProvider, resolveDatabaseUrl } from "../lib/database-url";
import { cleanUp, onCleanup } from "./bench/cleanup";
import { createScratchDatabase } from "./bench/scratch-database";
import { generateClient } from "./prepare";

const { values: args } = parseArgs({ options: { signatures: { type: "string", default: "1000000" }, runs: { type: "string", default: "5" } } });
const count = Number(args.signatures);
const runs = Number(args.runs);
const server = resolveDatabaseUrl(process.env.DATABASE_URL);
const provider = databaseProvider(server);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "letters-bench-admin-"));
onCleanup("scratch directory", () => fs.rmSync(dir, { recursive: true, force: true }));
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-01";
generateClient();
const database = await createScratchDatabase(provider, { dir, serverUrl: server });
process.env.DATABASE_URL = database.url;
const slug = "strong-encryption-open-letter";
const ms = await database.load(slug, count);
console.log(`loaded ${count.toLocaleString("en")} signatures into a scratch ${provider === "sqlite" ? "SQLite" : "PostgreSQL"} database in ${(ms / 1000).toFixed(1)} s`);
const [{ id: letterId }] = await database.query<{ id: string }>(`SELECT "id" FROM "Letter" WHERE "slug" = ?`, [slug]);
const [sample] = await database.query<{ email: string; name: string }>(
  `SELECT "email", "name" FROM "Signature" WHERE "letterId" = ? ORDER BY "id" LIMIT 1 OFFSET ?`,
  [letterId, Math.floor(count / 2)],
);

// lib/db reads DATABASE_URL when first imported: import after setting it.
const { searchSignatures, countSignatures } = await import("../lib/moderation/search-signatures");
const { signaturesCsv } = await import("../lib/export/signatures-csv");
const { configureDatabase, db } = await import("../lib/db");
await configureDatabase();
onCleanup("database client", () => db.$disconnect());

async function time(label: string, run: () => Promise<unknown>) {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const detail = typeof result === "number" ? ` (${result.toLocaleString("en")})` : "";
  console.log(`${label.padEnd(44)} median ${times[Math.floor(runs / 2)].toFixed(1).padStart(7)} ms  max ${times.at(-1)!.toFixed(1).padStart(7)} ms${detail}`);
}

const page = (filter: object) => () => searchSignatures({ letterId, filter }).then((p) => p.items.length);
await time("first page, no filter", page({}));
await time("first page, status=counted kind=organization", page({ status: "counted", kind: "organization" }));
await time("first page, country=KE", page({ country: "KE" }));
await time("first page, dates (one week)", page({ from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), to: new Date(Date.now() - 23 * 86_400_000).toISOString().slice(0, 10) }));
await time("search: one email address", page({ q: sample.email.toUpperCase() }));
await time("search: @domain (all match)", page({ q: "@example.org" }));
await time("search: name substring (scan)", page({ q: sample.name.split(" ")[2] }));
await time("count: everything", () => countSignatures({ letterId, filter: {} }));
await time("count: country=KE", () => countSignatures({ letterId, filter: { country: "KE" } }));
await time("page 20 by cursor (20 round trips)", async () => {
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) cursor = (await searchSignatures({ letterId, filter: {}, cursor })).nextCursor;
  return 20;
});

const before = process.memoryUsage().rss;
let peak = before;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const start = performance.now();
const reader = signaturesCsv({ letterId, audience: "staff", includeEmails: true }).getReader();
let lines = 0;
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  for (const byte of value) if (byte === 10) lines += 1;
}
clearInterval(timer);
console.log(
  `CSV export: ${lines.toLocaleString("en")} lines in ${((performance.now() - start) / 1000).toFixed(1)} s, peak RSS growth ${((peak - before) / 1048576).toFixed(1)} MB`,
);
await cleanUp();
process.exit();
