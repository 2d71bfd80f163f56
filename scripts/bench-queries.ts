// `npm run bench:queries`: what one database statement costs through Prisma on this
// machine, modelled (compiled by the client engine) against raw (the same client,
// adapter and transaction), on a scratch database: SQLite, or, when DATABASE_URL names a
// PostgreSQL server, a database of its own there (created and dropped). The figures
// behind writing signing's statements out as SQL (lib/signatures/signing-sql.ts,
// signing-batch.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseProvider, resolveDatabaseUrl } from "../lib/database-url";
import { cleanUp, onCleanup } from "./bench/cleanup";
import { createScratchDatabase } from "./bench/scratch-database";
import { generateClient } from "./prepare";

const server = resolveDatabaseUrl(process.env.DATABASE_URL);
const provider = databaseProvider(server);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "letters-queries-"));
onCleanup("scratch directory", () => fs.rmSync(dir, { recursive: true, force: true }));
generateClient();
const database = await createScratchDatabase(provider, { dir, serverUrl: server });
process.env.DATABASE_URL = database.url;
const { db, configureDatabase } = await import("../lib/db");
const { Prisma } = await import("../lib/generated/prisma/client");
await configureDatabase();
onCleanup("database client", () => db.$disconnect());
const letter = await db.letter.findFirstOrThrow();

let n = 0;
const row = () => {
  const email = `q${n++}@example.org`;
  return { letterId: letter.id, kind: "individual", name: "Synthetic Signer (demo)", email, emailCanonical: email, emailDomain: "example.org", country: "FR", listPublicly: true, consentAt: new Date() };
};
const insertRaw = (rows: ReturnType<typeof row>[], now = new Date()) => Prisma.sql`
  INSERT INTO "Signature" ("id", "letterId", "kind", "name", "email", "emailCanonical", "emailDomain", "country", "listPublicly", "consentAt", "createdAt", "updatedAt")
  VALUES ${Prisma.join(rows.map((r) => Prisma.sql`(${crypto.randomUUID()}, ${r.letterId}, ${r.kind}, ${r.name}, ${r.email}, ${r.emailCanonical}, ${r.emailDomain}, ${r.country}, ${r.listPublicly}, ${r.consentAt}, ${now}, ${now})`))}`;

async function time(name: string, times: number, run: () => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await run();
  const started = performance.now();
  for (let i = 0; i < times; i++) await run();
  console.log(`${name.padEnd(46)}${((performance.now() - started) / times).toFixed(3).padStart(8)} ms`);
}

console.log(`\n${os.cpus().length} CPUs, ${provider === "sqlite" ? "SQLite" : `PostgreSQL (${database.url.replace(/\/\/[^@]*@/, "//")})`}; mean time per call\n`);
await time("raw:      SELECT 1 (a round trip, the floor)", 1000, () => db.$queryRaw`SELECT 1`);
await time("modelled: letter.findUnique", 1000, () => db.letter.findUnique({ where: { slug: letter.slug }, select: { id: true, status: true } }));
await time("raw:      SELECT letter by slug", 1000, () => db.$queryRaw`SELECT "id", "status" FROM "Letter" WHERE "slug" = ${letter.slug}`);
await time("modelled: signature.create", 1000, () => db.signature.create({ data: row(), select: { id: true } }));
await time("raw:      INSERT one signature", 1000, () => db.$executeRaw(insertRaw([row()])));
await time("modelled: signature.createMany, 20 rows", 200, () => db.signature.createMany({ data: Array.from({ length: 20 }, row) }));
await time("raw:      INSERT 20 signatures in one statement", 200, () => db.$executeRaw(insertRaw(Array.from({ length: 20 }, row))));
await time("modelled: $transaction with signature.create", 1000, () => db.$transaction((tx) => tx.signature.create({ data: row(), select: { id: true } })));
await time("raw:      $transaction with one INSERT", 1000, () => db.$transaction((tx) => tx.$executeRaw(insertRaw([row()]))));
await cleanUp();
process.exit();
