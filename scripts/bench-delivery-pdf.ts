// `npm run bench:delivery-pdf`: how long the delivery document of a big letter takes and
// how much memory it needs. Loads synthetic counted signatures into a scratch database
// (SQLite by default; `--db postgresql` makes a database of its own on the server named by
// TEST_POSTGRESQL_URL or DATABASE_URL, dropped after), all listed, their names rewritten
// across Latin, Greek, Cyrillic and Arabic scripts. The names are SYNTHETIC, made up
// here: no real person. Then it writes the document through the function the admin's
// download uses into a sink that only counts bytes, and prints seconds, pages, bytes,
// the RSS before and the peak RSS. Options: --signatures <n> (100000), --db sqlite|postgresql.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDatabaseUrl } from "../lib/database-url";
import { cleanUp, onCleanup } from "./bench/cleanup";
import { createScratchDatabase } from "./bench/scratch-database";
import { generateClient } from "./prepare";

const { values: args } = parseArgs({
  options: { signatures: { type: "string", default: "100000" }, db: { type: "string", default: "sqlite" } },
});
const count = Number(args.signatures);
if (!Number.isInteger(count) || count < 1) throw new Error("--signatures takes a whole number above 0");
if (args.db !== "sqlite" && args.db !== "postgresql") throw new Error("--db takes sqlite or postgresql");
const provider = args.db;
const server = provider === "postgresql" ? (process.env.TEST_POSTGRESQL_URL ?? resolveDatabaseUrl(process.env.DATABASE_URL)) : "";
if (provider === "postgresql" && !server.startsWith("postgres")) throw new Error("--db postgresql needs TEST_POSTGRESQL_URL (a role that may create databases)");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "letters-bench-delivery-"));
onCleanup("scratch directory", () => fs.rmSync(dir, { recursive: true, force: true }));
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-01";
generateClient();
const database = await createScratchDatabase(provider, { dir, serverUrl: server });
process.env.DATABASE_URL = database.url;
const slug = "strong-encryption-open-letter";
const loadMs = await database.load(slug, count);

// Synthetic names in four scripts, chosen by the id's last character; everyone listed.
const last = provider === "sqlite" ? `substr("id", -1)` : `right("id", 1)`;
const script = (latin: string) => `CASE WHEN ${last} IN ('1','2') THEN 'Συνθετικό Όνομα ' || ${last}
  WHEN ${last} IN ('3','4') THEN 'Синтетическое Имя ' || ${last} WHEN ${last} = '5' THEN 'اسم تجريبي ' || ${last} ELSE ${latin} END`;
await database.query(
  `UPDATE "Signature" SET "listPublicly" = TRUE, "name" = ${script(`"name"`)},
     "organizationName" = CASE WHEN "kind" = 'organization' THEN ${script(`"organizationName"`)} END,
     "affiliation" = CASE WHEN "kind" = 'individual' AND ${last} = '7' THEN 'Synthetic University of Examples (demo)' END`,
);
const [{ organizations }] = await database.query<{ organizations: unknown }>(
  `SELECT count(*) AS "organizations" FROM "Signature" WHERE "kind" = 'organization'`,
);
console.log(
  `loaded ${count.toLocaleString("en")} synthetic signatures (${Number(organizations).toLocaleString("en")} organisations) ` +
    `into a scratch ${provider === "sqlite" ? "SQLite" : "PostgreSQL"} database in ${(loadMs / 1000).toFixed(1)} s`,
);

// lib/db reads DATABASE_URL when first imported: import after setting it.
const { configureDatabase, db } = await import("../lib/db");
const { deliveryDocument } = await import("../lib/deliveries/delivery-document");
await configureDatabase();
onCleanup("database client", () => db.$disconnect());
const { id: letterId } = await db.letter.findUniqueOrThrow({ where: { slug }, select: { id: true } });

const maxRssBefore = process.resourceUsage().maxRSS * 1024;
global.gc?.();
const rssBefore = process.memoryUsage().rss;
let rssPeakDuring = rssBefore;
const sampler = setInterval(() => (rssPeakDuring = Math.max(rssPeakDuring, process.memoryUsage().rss)), 20);
const started = performance.now();
const { stream, pages, listed } = await deliveryDocument({ letterId });
let bytes = 0;
await stream.pipeTo(new WritableStream({ write: (chunk) => void (bytes += chunk.byteLength) }));
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

console.log(`\ndelivery document of ${listed.toLocaleString("en")} listed signatories (${os.cpus().length} CPUs, ${provider})`);
console.log(`seconds   ${seconds.toFixed(1)}`);
console.log(`pages     ${pages.toLocaleString("en")}`);
console.log(`bytes     ${bytes.toLocaleString("en")} (${mb(bytes)})`);
console.log(`RSS before ${mb(rssBefore)} (the process's peak so far, the loading included: ${mb(maxRssBefore)})`);
console.log(`RSS after  ${mb(process.memoryUsage().rss)}`);
// what is still held, not yet collected (after a forced collection when run with node --expose-gc)
global.gc?.();
const { heapUsed, external } = process.memoryUsage();
console.log(`heap in use ${mb(heapUsed)}${global.gc ? " after a forced collection" : ""}, external ${mb(external)}`);
console.log(`peak RSS while writing (sampled every 20 ms) ${mb(rssPeakDuring)}`);
// maxRSS is in kilobytes, for the whole process since it started (the load included)
console.log(`peak RSS of the process (maxRSS) ${mb(process.resourceUsage().maxRSS * 1024)}`);
await cleanUp();
process.exit();
