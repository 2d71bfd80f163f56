import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/trusted-proxies.mjs";
import { startScratchPostgresql, type ScratchPostgresql } from "../support/scratch-postgresql";

// PostgreSQL stopped while signers sign, for real: a server of this test's own is
// stopped mid-run and started again. The JSON API answers 503 with Retry-After and a
// clear body, nothing half-written remains, and the same process (no restart) signs
// again once the server is back. Runs in the suite's PostgreSQL pass (TEST_POSTGRESQL_URL),
// where the server's binaries are known to be installed.

let server: ScratchPostgresql;
let POST: (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response>;
let db: typeof import("@/lib/db").db;
let slug = "";

const onPostgresql = !!process.env.TEST_POSTGRESQL_URL;

beforeAll(async () => {
  if (!onPostgresql) return;
  server = await startScratchPostgresql();
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: server.url },
    stdio: "ignore",
  });
  // Before anything reads the configuration: this file's app talks to the scratch server.
  process.env.DATABASE_URL = server.url;
  process.env.SIGN_RATE_LIMIT_PER_MINUTE = "1000";
  ({ db } = await import("@/lib/db"));
  ({ POST } = await import("@/app/api/letters/[slug]/signatures/route"));
  const { createLetter } = await import("../support/factories");
  slug = (await createLetter()).slug;
}, 120_000);
afterAll(() => server?.remove());

let n = 0;
function sign(): Promise<{ email: string; status: number; retryAfter: string | null; body: { error?: { code: string; message: string } } }> {
  const email = `down-${++n}-${Date.now()}@example.org`;
  const request = new Request(`http://letters.test/api/letters/${slug}/signatures`, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: `203.0.113.${n % 250}` },
    body: JSON.stringify({ kind: "individual", name: "Synthetic Signer", email, country: "NL", listPublicly: true, consent: true }),
  });
  return POST(request, { params: Promise.resolve({ slug }) }).then(async (response) => ({
    email,
    status: response.status,
    retryAfter: response.headers.get("Retry-After"),
    body: await response.json(),
  }));
}

/** Each signer either has a signature with its token and its email, or nothing at all. */
async function wholeOrAbsent(emails: string[]) {
  const rows = await db.signature.findMany({ where: { email: { in: emails } }, select: { email: true, _count: { select: { tokens: true } } } });
  const mails = await db.outboxEmail.groupBy({ by: ["to"], where: { to: { in: emails } }, _count: { _all: true } });
  const mailsTo = new Map(mails.map((m) => [m.to, m._count._all]));
  for (const row of rows) {
    expect(row._count.tokens, `tokens of ${row.email}`).toBe(1);
    expect(mailsTo.get(row.email), `emails to ${row.email}`).toBe(1);
  }
  expect([...mailsTo.keys()].every((to) => rows.some((row) => row.email === to))).toBe(true);
  return new Set(rows.map((row) => row.email));
}

describe.runIf(onPostgresql)("PostgreSQL stops while signers sign", () => {
  it("answers 503 with Retry-After, leaves nothing half-written, and recovers by itself", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const before = await Promise.all(Array.from({ length: 5 }, sign));
    expect(before.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);

    // Signers keep coming while the server goes down.
    const during = Array.from({ length: 10 }, sign);
    server.stop();
    const after = await Promise.all([...during, ...Array.from({ length: 5 }, sign)]);
    const refused = after.filter((r) => r.status === 503);
    expect(after.every((r) => r.status === 202 || r.status === 503)).toBe(true);
    expect(refused.length).toBeGreaterThanOrEqual(5); // at least every one made after the stop
    for (const r of refused) {
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(r.body.error).toMatchObject({ code: "database_unavailable", message: expect.stringMatching(/try again/) });
    }

    server.start();
    // The same process, no restart: the next signers are recorded.
    await expect.poll(async () => (await sign()).status, { timeout: 15_000, interval: 200 }).toBe(202);
    const retried = await Promise.all(refused.map(() => sign()));
    expect(retried.map((r) => r.status)).toEqual(refused.map(() => 202));

    const everyone = [...before, ...after].map((r) => r.email);
    const recorded = await wholeOrAbsent(everyone);
    for (const r of before) expect(recorded.has(r.email)).toBe(true);
    for (const r of after.filter((r) => r.status === 202)) expect(recorded.has(r.email)).toBe(true);
  }, 120_000);
});
