import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { signaturesCsv } from "@/lib/export/signatures-csv";
import { startSignatureExport } from "@/lib/export/start-signature-export";
import { createLetter } from "../support/factories";

// The export on a real database (SQLite, or PostgreSQL with TEST_POSTGRESQL_URL): 100,000 counted signatures stream out with one header
// row, in bounded memory; only counted rows, emails only when asked, public rows only listed.

const COUNTED = 100_000;
const CHUNK = 1_000;
const staff = { id: "", email: "exporter@letters.test", role: "moderator" as const };
let letterId = "";

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const sql = (v: string | number | boolean | null) =>
  v === null ? "NULL" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : typeof v === "number" ? String(v) : `'${v.replaceAll("'", "''")}'`;

/** Raw multi-row INSERTs, a thousand rows a statement, in a few transactions: seconds, not minutes. */
async function insertSignatures(letter: string, count: number, make: (i: number) => { status: string; listPublicly: boolean; name?: string }) {
  const start = Date.UTC(2026, 0, 1);
  for (let from = 0; from < count; from += CHUNK * 10) {
    const statements: string[] = [];
    for (let chunk = from; chunk < Math.min(count, from + CHUNK * 10); chunk += CHUNK) {
      const values: string[] = [];
      for (let i = chunk; i < Math.min(count, chunk + CHUNK); i++) {
        const { status, listPublicly, name = `Signer ${i}` } = make(i);
        // Several rows share a timestamp, so the keyset's id tie-break is exercised.
        const at = iso(start + Math.floor(i / 7) * 1000);
        const id = `${letter.slice(0, 8)}-${String(i).padStart(7, "0")}-${crypto.randomBytes(3).toString("hex")}`;
        values.push(
          `(${[id, letter, "individual", name, `s${i}@example.org`, `s${i}@example.org`, "example.org", "FR",
            listPublicly, status, iso(start), at, at, status === "counted" ? at : null, status === "counted" ? at : null]
            .map(sql).join(",")})`,
        );
      }
      statements.push(
        `INSERT INTO "Signature" ("id", "letterId", "kind", "name", "email", "emailCanonical", "emailDomain", "country",
          "listPublicly", "status", "consentAt", "createdAt", "updatedAt", "confirmedAt", "countedAt") VALUES ${values.join(",")}`,
      );
    }
    await db.$transaction(statements.map((statement) => db.$executeRawUnsafe(statement)));
  }
}

async function readAll(stream: ReadableStream<Uint8Array>, onChunk?: () => void): Promise<string> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let text = "";
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    text += decoder.decode(chunk, { stream: true });
    onChunk?.();
  }
  return text + decoder.decode();
}

beforeAll(async () => {
  await configureDatabase();
  const user = await db.user.create({ data: { email: staff.email, role: "moderator" } });
  staff.id = user.id;
  letterId = (await createLetter()).id;
  const started = Date.now();
  // Every 10th row is listed; extra rows that must stay out: unconfirmed, rejected, another letter's.
  await insertSignatures(letterId, COUNTED, (i) => ({ status: "counted", listPublicly: i % 10 === 0 }));
  const other = await createLetter();
  await insertSignatures(other.id, 500, () => ({ status: "counted", listPublicly: true }));
  console.log(`inserted ${COUNTED} counted signatures in ${Date.now() - started} ms`);
}, 120_000);

describe("signaturesCsv at 100,000 rows", () => {
  it("streams every counted row once, after one header row, in bounded memory", async () => {
    let peak = process.memoryUsage().rss;
    const before = peak;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    let lines = 0;
    let tail = "";
    const seen = new Set<string>();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    try {
      // Lines are counted as they pass, so the test itself holds no copy of the file.
      for await (const chunk of signaturesCsv({ letterId, audience: "staff", includeEmails: false }) as unknown as AsyncIterable<Uint8Array>) {
        const parts = (tail + decoder.decode(chunk, { stream: true })).split("\r\n");
        tail = parts.pop()!;
        for (const line of parts) {
          lines += 1;
          if (lines > 1) seen.add(line.split(",")[1]);
          else expect(line).toMatch(/^\uFEFFkind,name,title,/);
        }
        peak = Math.max(peak, process.memoryUsage().rss);
      }
    } finally {
      clearInterval(sampler);
    }
    const growthMb = (peak - before) / 1024 / 1024;
    console.log(`export of ${COUNTED} rows: peak RSS growth ${growthMb.toFixed(1)} MB`);
    expect(tail).toBe("");
    expect(lines).toBe(COUNTED + 1);
    expect(seen.size).toBe(COUNTED);
    expect(growthMb).toBeLessThan(150);
  }, 120_000);

  it("public: only listed signatories, never an email column", async () => {
    const text = await readAll(signaturesCsv({ letterId, audience: "public" }));
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("\uFEFFkind,name,title,affiliation,website,country,country_name,signed_at");
    expect(lines).toHaveLength(COUNTED / 10 + 1);
    expect(text).not.toContain("@example.org");
  }, 60_000);
});

describe("signaturesCsv: what goes in a row", () => {
  it("leaves out uncounted rows, writes emails only when asked, neutralises formulas, keeps unicode", async () => {
    const letter = await createLetter();
    const names = ["=HYPERLINK(\"http://evil.example\")", "Zoë Ødegård, PhD", "Pending Person", "Rejected Person"];
    const statuses = ["counted", "counted", "unverified", "rejected"];
    await insertSignatures(letter.id, 4, (i) => ({ status: statuses[i], listPublicly: true, name: names[i] }));

    const without = (await readAll(signaturesCsv({ letterId: letter.id, audience: "staff", includeEmails: false }))).split("\r\n");
    expect(without[0]).not.toContain("email");
    expect(without.slice(1, -1)).toEqual([
      expect.stringMatching(/^individual,"'=HYPERLINK\(""http:\/\/evil\.example""\)",,/),
      expect.stringMatching(/^individual,"Zoë Ødegård, PhD",,/),
    ]);
    expect(without.join("\n")).not.toMatch(/@example\.org|Pending|Rejected/);

    const withEmails = (await readAll(signaturesCsv({ letterId: letter.id, audience: "staff", includeEmails: true }))).split("\r\n");
    expect(withEmails[0]).toMatch(/^\uFEFFkind,name,email,/);
    expect(withEmails[1]).toContain(",s0@example.org,");
    expect(withEmails).toHaveLength(4);
  });
});

describe("startSignatureExport", () => {
  it("records the export, with or without emails and the row count, before streaming", async () => {
    const letter = await createLetter();
    await insertSignatures(letter.id, 3, () => ({ status: "counted", listPublicly: false }));
    const { rows, filename, stream } = await startSignatureExport({ actor: staff, slug: letter.slug, includeEmails: true });
    await stream.cancel();
    expect(rows).toBe(3);
    expect(filename).toBe(`${letter.slug}-signatures-with-emails.csv`);
    const entry = await db.auditLog.findFirstOrThrow({ where: { letterId: letter.id, action: "export.csv" } });
    expect(entry).toMatchObject({ actorId: staff.id, actorEmail: staff.email, targetType: "export" });
    expect(JSON.parse(entry.detail)).toEqual({ includeEmails: true, rows: 3, filter: { status: "counted" } });
  });

  it("refuses an unknown letter with 404 and records nothing", async () => {
    await expect(startSignatureExport({ actor: staff, slug: "no-such-letter", includeEmails: false })).rejects.toMatchObject({ status: 404 });
    expect(await db.auditLog.count({ where: { action: "export.csv", letterId: null } })).toBe(0);
  });
});
