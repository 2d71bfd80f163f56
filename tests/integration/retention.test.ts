import { execFile } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { configureDatabase, db, provider } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { letterHistory } from "@/lib/counts/letter-history";
import { rollUpCounts } from "@/lib/counts/roll-up-counts";
import { forgetLetter } from "@/lib/memory/letter-changed";
import { startRetentionJob } from "@/lib/retention/retention-job";
import { runRetention, type RetentionCounts } from "@/lib/retention/run-retention";
import { runRetentionExclusively } from "@/lib/retention/run-retention-exclusively";
import { listPublicSignatures } from "@/lib/signatures/list-public-signatures";
import { signLetter } from "@/lib/signatures/sign-letter";
import { countsOf, createLetter, individual, organization, signAndConfirm } from "../support/factories";

// The clock is moved by passing `now`: every row is written with times relative to NOW,
// some just past their period and some just inside it.
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date();
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const monthsAgo = (months: number) => new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - months, Math.min(NOW.getUTCDate(), 28)));
const unique = () => crypto.randomUUID().slice(0, 8);
const NOTHING: RetentionCounts = {
  unconfirmedSignatures: 0, networkHashes: 0, rateLimits: 0, proofsOfWork: 0, sentEmails: 0, failedEmails: 0, sessions: 0,
  signInTokens: 0, confirmationTokens: 0, dataRequestTokens: 0, withdrawalTokens: 0, anonymizedLetters: 0, anonymizedSignatures: 0,
  webhookDeliveries: 0,
};

type Letter = Awaited<ReturnType<typeof createLetter>>;

beforeAll(() => configureDatabase());
// Each test starts from a database with nothing due as of NOW (earlier tests' rows are gone).
beforeEach(() => runRetention({ now: NOW }));

/** A signature written as it stands in the database, with no email sent. */
function signature(letter: Letter, data: Partial<Prisma.SignatureUncheckedCreateInput> = {}) {
  const email = `signer-${unique()}@example.org`;
  return db.signature.create({
    data: {
      letterId: letter.id, kind: "individual", name: `Signer ${unique()}`, email, emailCanonical: email, emailDomain: "example.org",
      country: "FR", listPublicly: true, consentAt: ago(0), ...data,
    },
  });
}

/** A signer's signature, signed and confirmed the usual way (so it counts), made `days` ago. */
async function counted(letter: Letter, days: number, input = individual()) {
  await signAndConfirm(letter, input);
  return db.signature.update({
    where: { letterId_emailCanonical: { letterId: letter.id, emailCanonical: input.email } },
    data: { createdAt: ago(days), ipHash: `hash-${unique()}` },
  });
}

/** What counts and history say of a letter now, every cache forgotten. */
async function countsAndHistory(letter: Letter) {
  await rollUpCounts();
  forgetLetter({ letterId: letter.id, what: "counts" });
  return { counts: await countsOf(letter), history: await letterHistory({ letterId: letter.id }) };
}

const mail = (data: { status: string; sentAt?: Date; createdAt?: Date; signatureId?: string }) =>
  db.outboxEmail.create({ data: { template: "signature-confirm", to: `x-${unique()}@example.org`, subject: "s", html: "h", text: "t", ...data } });
const exists = async (find: Promise<unknown>) => (await find) !== null;

describe("runRetention", () => {
  it("deletes exactly what is past its period, keeps the rest, and leaves counts and history alone", async () => {
    const letter = await createLetter();
    const keptCounted = await counted(letter, 100); // counted long ago: kept, its network hash forgotten
    const recentCounted = await counted(letter, 29);

    // Unconfirmed 31 days ago, its link long expired: goes with its token and messages.
    const stale = individual();
    await signLetter({ slug: letter.slug, input: stale });
    const staleRow = await db.signature.update({
      where: { letterId_emailCanonical: { letterId: letter.id, emailCanonical: stale.email } },
      data: { createdAt: ago(31) },
    });
    await db.confirmationToken.updateMany({ where: { signatureId: staleRow.id }, data: { expiresAt: ago(24) } });
    await db.outboxEmail.updateMany({ where: { to: stale.email }, data: { signatureId: staleRow.id } });
    const staleWithdrawal = await db.withdrawalToken.create({ data: { tokenHash: unique(), signatureId: staleRow.id, letterId: letter.id } });

    // Unconfirmed 31 days ago but signed again yesterday: its fresh link still works, so it stays.
    const resent = await signature(letter, { createdAt: ago(31) });
    await db.confirmationToken.create({ data: { tokenHash: unique(), signatureId: resent.id, expiresAt: new Date(NOW.getTime() + 6 * DAY) } });
    const recentUnconfirmed = await signature(letter, { createdAt: ago(29), ipHash: "recent-hash" });
    // Refused quietly at signing 31 days ago (never confirmed): goes. Marked as fraud after counting: stays.
    const refused = await signature(letter, { createdAt: ago(31), status: "fraud", flags: "blocked", moderationReason: "Blocked domain" });
    const fraudAfterCounting = await signature(letter, { createdAt: ago(31), status: "fraud", confirmedAt: ago(30), countedAt: ago(30) });

    const limits = await Promise.all([NOW.getTime() - 1, NOW.getTime() + 60_000].map((expire) =>
      db.rateLimit.create({ data: { key: `test:${unique()}`, points: 1, expire: BigInt(expire) } })));
    const proofs = await Promise.all([ago(0.01), ago(-0.01)].map((expiresAt) => db.proofOfWorkUse.create({ data: { key: unique(), expiresAt } })));
    const sentOld = await mail({ status: "sent", sentAt: ago(8) });
    const sentRecent = await mail({ status: "sent", sentAt: ago(6) });
    const failedOld = await mail({ status: "failed", createdAt: ago(31) });
    const failedRecent = await mail({ status: "failed", createdAt: ago(29) });
    const pendingOld = await mail({ status: "pending", createdAt: ago(40) });
    const user = await db.user.create({ data: { email: `staff-${unique()}@letters.test`, role: "moderator" } });
    const sessions = await Promise.all([ago(1), ago(-1)].map((expires) => db.session.create({ data: { sessionToken: unique(), userId: user.id, expires } })));
    const signIns = await Promise.all([ago(0.01), ago(-0.01)].map((expires) => db.verificationToken.create({ data: { identifier: user.email, token: unique(), expires } })));
    const usedLongAgo = await db.confirmationToken.create({ data: { tokenHash: unique(), signatureId: keptCounted.id, expiresAt: ago(-1), usedAt: ago(8) } });
    const usedRecently = await db.confirmationToken.create({ data: { tokenHash: unique(), signatureId: keptCounted.id, expiresAt: ago(-1), usedAt: ago(6) } });
    const dataRequests = await Promise.all([ago(0.01), ago(-0.01)].map((expiresAt) => db.dataRequestToken.create({ data: { tokenHash: unique(), emailCanonical: "a@example.org", expiresAt } })));
    const withdrawals = await Promise.all([ago(31), ago(29), null].map((withdrawnAt) => db.withdrawalToken.create({ data: { tokenHash: unique(), letterId: letter.id, withdrawnAt } })));
    const before = await countsAndHistory(letter);
    expect(before.counts.total).toBe(2);

    const counts = await runRetention({ now: NOW, batchSize: 2 });

    expect(counts).toEqual({
      ...NOTHING,
      unconfirmedSignatures: 2, // stale, refused
      networkHashes: 1, // keptCounted's (recentCounted's and recentUnconfirmed's are under 30 days old)
      rateLimits: 1, proofsOfWork: 1, sentEmails: 1, failedEmails: 1, sessions: 1, signInTokens: 1,
      confirmationTokens: 1, // usedLongAgo (the stale signature's link went with it)
      dataRequestTokens: 1, withdrawalTokens: 1,
    });
    expect(await db.signature.findMany({ where: { letterId: letter.id }, select: { id: true }, orderBy: { id: "asc" } })).toEqual(
      [keptCounted, recentCounted, resent, recentUnconfirmed, fraudAfterCounting].map(({ id }) => ({ id })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(await db.signature.findUnique({ where: { id: refused.id } })).toBeNull();
    expect(await db.confirmationToken.count({ where: { signatureId: staleRow.id } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { to: stale.email } })).toBe(0);
    // Its withdrawal link now says the signature is gone (lib/signer-rights/find-withdrawal.ts), for 30 days.
    expect(await db.withdrawalToken.findUniqueOrThrow({ where: { id: staleWithdrawal.id } })).toMatchObject({ signatureId: null, withdrawnAt: NOW });
    expect((await db.signature.findUniqueOrThrow({ where: { id: keptCounted.id } })).ipHash).toBeNull();
    expect((await db.signature.findUniqueOrThrow({ where: { id: recentCounted.id } })).ipHash).toBe(recentCounted.ipHash);
    expect((await db.signature.findUniqueOrThrow({ where: { id: recentUnconfirmed.id } })).ipHash).toBe("recent-hash");
    expect(await db.rateLimit.findMany({ where: { key: { in: limits.map((l) => l.key) } }, select: { key: true } })).toEqual([{ key: limits[1].key }]);
    expect(await db.proofOfWorkUse.findMany({ where: { key: { in: proofs.map((p) => p.key) } }, select: { key: true } })).toEqual([{ key: proofs[1].key }]);
    const mails = await db.outboxEmail.findMany({ where: { id: { in: [sentOld, sentRecent, failedOld, failedRecent, pendingOld].map((m) => m.id) } } });
    expect(mails.map((m) => m.id).sort()).toEqual([sentRecent.id, failedRecent.id, pendingOld.id].sort());
    expect((await db.session.findMany({ where: { userId: user.id } })).map((s) => s.sessionToken)).toEqual([sessions[1].sessionToken]);
    expect((await db.verificationToken.findMany({ where: { identifier: user.email } })).map((t) => t.token)).toEqual([signIns[1].token]);
    expect(await exists(db.confirmationToken.findUnique({ where: { id: usedLongAgo.id } }))).toBe(false);
    expect(await exists(db.confirmationToken.findUnique({ where: { id: usedRecently.id } }))).toBe(true);
    expect(await db.dataRequestToken.findMany({ where: { id: { in: dataRequests.map((d) => d.id) } }, select: { id: true } })).toEqual([{ id: dataRequests[1].id }]);
    expect((await db.withdrawalToken.findMany({ where: { id: { in: withdrawals.map((w) => w.id) } } })).map((w) => w.id).sort()).toEqual(
      [withdrawals[1].id, withdrawals[2].id].sort(),
    );
    expect(await countsAndHistory(letter)).toEqual(before);

    const [audit] = await db.auditLog.findMany({ where: { action: "retention.run" }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(audit).toMatchObject({ actorEmail: "system", actorId: null });
    expect(JSON.parse(audit.detail)).toEqual(counts);

    expect(await runRetention({ now: NOW, batchSize: 2 })).toEqual(NOTHING);
    await runRetention({ now: new Date(NOW.getTime() + 31 * DAY) });
    expect(await exists(db.withdrawalToken.findUnique({ where: { id: staleWithdrawal.id } }))).toBe(false);
  });

  it("anonymises signers' emails the letter's months after it closes, keeping names, statuses, lists and counts", async () => {
    const closed = async (data: Partial<{ status: string; closedAt: Date | null; closesAt: Date | null; anonymizeAfterMonths: number }>) => {
      const letter = await createLetter();
      const org = organization();
      const signers = [await counted(letter, 200), await counted(letter, 200, org), await counted(letter, 200)];
      await signature(letter, { createdAt: ago(200), status: "hidden", confirmedAt: ago(200), ipHash: "h" });
      const sentToSigner = await mail({ status: "pending", signatureId: signers[0].id });
      await db.letter.update({ where: { id: letter.id }, data: { anonymizeAfterMonths: 6, ...data } });
      return { letter, signers, sentToSigner };
    };
    const due = await closed({ status: "closed", closedAt: monthsAgo(7) });
    const pastClosingDate = await closed({ status: "open", closesAt: monthsAgo(7) });
    const notYet = await closed({ status: "closed", closedAt: monthsAgo(5) });
    // Closed by its date 8 months ago, then closed by hand 2 months ago: the later counts.
    const closedAgainLater = await closed({ status: "closed", closedAt: monthsAgo(2), closesAt: monthsAgo(8) });
    const open = await closed({ status: "open", closesAt: null });
    const longer = await closed({ status: "closed", closedAt: monthsAgo(7), anonymizeAfterMonths: 12 });
    // Closed before closedAt existed: counts from its last change.
    const legacy = await closed({ status: "closed", closedAt: null });
    await db.$executeRaw`UPDATE "Letter" SET "updatedAt" = ${monthsAgo(7)} WHERE "id" = ${legacy.letter.id}`;

    const before = await Promise.all([due, pastClosingDate, legacy].map(async ({ letter }) => ({
      ...(await countsAndHistory(letter)),
      listed: await listPublicSignatures({ letterId: letter.id }),
      rows: await db.signature.findMany({ where: { letterId: letter.id }, orderBy: { id: "asc" } }),
    })));

    const counts = await runRetention({ now: NOW, batchSize: 2 });

    expect(counts).toMatchObject({ anonymizedLetters: 3, anonymizedSignatures: 12 });
    for (const [i, { letter, sentToSigner }] of [due, pastClosingDate, legacy].entries()) {
      const rows = await db.signature.findMany({ where: { letterId: letter.id }, orderBy: { id: "asc" } });
      expect(rows.map(({ email, ipHash }) => ({ email, ipHash }))).toEqual(rows.map(() => ({ email: "", ipHash: null })));
      expect(new Set(rows.map((row) => row.emailCanonical)).size).toBe(rows.length);
      expect(rows.every((row) => !row.emailCanonical.includes("@"))).toBe(true);
      // Names, kinds, countries, statuses and listing stay as the signers chose.
      const kept = ({ name, kind, country, status, listPublicly, organizationName, confirmedAt, countedAt }: (typeof rows)[number]) =>
        ({ name, kind, country, status, listPublicly, organizationName, confirmedAt, countedAt });
      expect(rows.map(kept)).toEqual(before[i].rows.map(kept));
      // The organisation that wrote from its website's domain keeps it; every other domain goes.
      expect(rows.map((row) => row.emailDomain)).toEqual(before[i].rows.map((row) => (row.kind === "organization" && row.domainMatch ? row.emailDomain : "")));
      expect(await db.outboxEmail.findUnique({ where: { id: sentToSigner.id } })).toBeNull();
      expect(await db.confirmationToken.count({ where: { signatureId: { in: rows.map((row) => row.id) } } })).toBe(0);
      expect({ ...(await countsAndHistory(letter)), listed: await listPublicSignatures({ letterId: letter.id }) }).toEqual({
        counts: before[i].counts, history: before[i].history, listed: before[i].listed,
      });
      const [audit] = await db.auditLog.findMany({ where: { action: "retention.anonymize", letterId: letter.id } });
      expect(audit).toMatchObject({ actorEmail: "system", targetType: "letter", targetId: letter.id });
      expect(JSON.parse(audit.detail)).toMatchObject({ signatures: 4, afterMonths: 6 });
      expect(audit.detail).not.toContain("@");
    }
    expect(before[0].rows.find((row) => row.kind === "organization")?.domainMatch).toBe(true);
    for (const { letter, signers } of [notYet, closedAgainLater, open, longer]) {
      expect(await db.signature.count({ where: { letterId: letter.id, email: "" } })).toBe(0);
      expect(await db.signature.count({ where: { id: { in: signers.map((s) => s.id) }, ipHash: null } })).toBe(3); // 200 days old
    }

    expect(await runRetention({ now: NOW, batchSize: 2 })).toEqual(NOTHING);
    expect(await db.auditLog.count({ where: { action: "retention.anonymize", letterId: due.letter.id } })).toBe(1);

    // Reopened, signed again and closed again: its new signer is anonymised when the new closing time falls due.
    await db.letter.update({ where: { id: due.letter.id }, data: { status: "open", closedAt: null } });
    const late = await counted(due.letter, 0);
    await db.letter.update({ where: { id: due.letter.id }, data: { status: "closed", closedAt: new Date(NOW.getTime() + DAY) } });
    expect(await runRetention({ now: NOW })).toMatchObject({ anonymizedSignatures: 0 });
    const later = new Date(NOW.getTime() + 200 * DAY);
    // With the letters that were not yet due: notYet, closedAgainLater and longer (open stays open).
    expect(await runRetention({ now: later })).toMatchObject({ anonymizedSignatures: 1 + 3 * 4 });
    expect(await db.signature.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({ email: "", name: late.name });
  });
});

describe("runRetention beside signers", () => {
  it.runIf(provider === "postgresql")("leaves alone an unconfirmed signature its signer confirms while the run is deleting it", async () => {
    const letter = await createLetter();
    const row = await signature(letter, { createdAt: ago(31) });
    const signer = new pg.Client({ connectionString: getEnv().DATABASE_URL });
    await signer.connect();
    try {
      // The signer's confirmation holds the row while the run finds it and waits for it.
      await signer.query("BEGIN");
      await signer.query(`SELECT 1 FROM "Signature" WHERE "id" = $1 FOR UPDATE`, [row.id]);
      const run = runRetention({ now: NOW });
      await vi.waitFor(async () => {
        const { rows } = await signer.query<{ n: string }>(`SELECT count(*) AS "n" FROM pg_locks WHERE NOT "granted"`);
        expect(Number(rows[0].n)).toBeGreaterThan(0);
      }, { timeout: 10_000 });
      await signer.query(`UPDATE "Signature" SET "confirmedAt" = now(), "status" = 'counted', "countedAt" = now() WHERE "id" = $1`, [row.id]);
      await signer.query("COMMIT");
      expect(await run).toMatchObject({ unconfirmedSignatures: 0 });
      expect(await db.signature.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "counted" });
    } finally {
      await signer.end();
    }
  });
});

describe("runRetention at its own batch size", () => {
  it("goes through more rows than a batch holds, within the database's limit on a statement's parameters", async () => {
    const letter = await createLetter({ status: "closed" });
    await db.letter.update({ where: { id: letter.id }, data: { closedAt: monthsAgo(7) } });
    const rows = (status: string, n: number) =>
      Array.from({ length: n }, (_, i) => {
        const email = `bulk-${status}-${i}-${unique()}@example.org`;
        return {
          letterId: letter.id, kind: "individual", name: `Bulk ${i}`, email, emailCanonical: email, emailDomain: "example.org", country: "FR",
          listPublicly: true, consentAt: ago(200), createdAt: new Date(ago(200).getTime() + i), ipHash: `h${i}`, status,
          ...(status === "counted" && { confirmedAt: ago(200), countedAt: ago(200) }),
        };
      });
    await db.signature.createMany({ data: [...rows("unverified", 2_100), ...rows("counted", 2_100)] });

    expect(await runRetention({ now: NOW })).toMatchObject({ unconfirmedSignatures: 2_100, networkHashes: 2_100, anonymizedSignatures: 2_100 });
    expect(await db.signature.count({ where: { letterId: letter.id, OR: [{ email: { not: "" } }, { ipHash: { not: null } }] } })).toBe(0);
  });
});

describe("the daily job", () => {
  afterEach(() => vi.useRealTimers());

  it("runs an hour after start-up and then every 24 hours, by the process's clock", async () => {
    const letter = await createLetter();
    const stale = () => signature(letter, { createdAt: ago(31) });
    const first = await stale();
    // A day on, so that the run beforeEach made is a day old and does not stand for today's.
    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval", "clearTimeout", "clearInterval", "Date"], now: NOW.getTime() + DAY });
    const runs: Promise<RetentionCounts | null>[] = [];
    const stop = startRetentionJob({
      run: (options) => {
        const run = runRetentionExclusively(options);
        runs.push(run);
        return run;
      },
    });
    try {
      vi.advanceTimersByTime(60 * 60 * 1000 - 1);
      expect(runs).toHaveLength(0);
      vi.advanceTimersByTime(1);
      expect(runs).toHaveLength(1);
      // Earlier tests' rows that were just inside their periods at NOW may be due by now too.
      expect((await runs[0])?.unconfirmedSignatures).toBeGreaterThanOrEqual(1);
      expect(await db.signature.findUnique({ where: { id: first.id } })).toBeNull();

      const second = await stale();
      vi.advanceTimersByTime(DAY - 1);
      expect(runs).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(runs).toHaveLength(2);
      expect(await runs[1]).toMatchObject({ unconfirmedSignatures: 1 });
      expect(await db.signature.findUnique({ where: { id: second.id } })).toBeNull();
    } finally {
      stop();
    }
  });

  it("skips a turn that comes soon after another process's run, so several processes run it about once a day", async () => {
    const since = new Date();
    await runRetention({ now: NOW }); // another process's run
    const letter = await createLetter();
    const old = await signature(letter, { createdAt: ago(31) });
    expect(await runRetentionExclusively({ now: NOW, unlessRanSince: since })).toBeNull();
    expect(await db.signature.findUnique({ where: { id: old.id } })).not.toBeNull();
    const last = await db.auditLog.findFirstOrThrow({ where: { action: "retention.run" }, orderBy: { createdAt: "desc" } });
    expect(await runRetentionExclusively({ now: NOW, unlessRanSince: new Date(last.createdAt.getTime() + 1) })).toMatchObject({ unconfirmedSignatures: 1 });
  });

  it("does not start a run while one is going in this process", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = runRetentionExclusively({ now: NOW, run: async () => (await held, NOTHING) });
    expect(await runRetentionExclusively({ now: NOW })).toBeNull();
    release();
    expect(await first).toEqual(NOTHING);
    expect(await runRetentionExclusively({ now: NOW })).toMatchObject(NOTHING);
  });

  it.runIf(provider === "postgresql")("on PostgreSQL, does nothing while another process holds the run", async () => {
    const letter = await createLetter();
    const old = await signature(letter, { createdAt: ago(31) });
    const other = new pg.Client({ connectionString: getEnv().DATABASE_URL });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock(4711020602)");
      expect(await runRetentionExclusively({ now: NOW })).toBeNull();
      expect(await db.signature.findUnique({ where: { id: old.id } })).not.toBeNull();
      await other.query("SELECT pg_advisory_unlock(4711020602)");
      expect(await runRetentionExclusively({ now: NOW })).toMatchObject({ unconfirmedSignatures: 1 });
    } finally {
      await other.end();
    }
  });

  it("npm run retention runs it once and prints what it did; on PostgreSQL, nothing while another process runs it", async () => {
    const letter = await createLetter();
    const old = await signature(letter, { createdAt: ago(31) });
    const script = () =>
      promisify(execFile)(process.execPath, ["--import", "./scripts/server-only-hook.mjs", "--import", "tsx", "scripts/retention.ts"], {
        cwd: path.resolve(import.meta.dirname, "../.."),
        env: { ...process.env, DATABASE_URL: getEnv().DATABASE_URL, AUTH_SECRET: getEnv().AUTH_SECRET },
      }).then(({ stdout }) => stdout);
    if (provider === "postgresql") {
      let entered!: () => void;
      let release!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const held = new Promise<void>((resolve) => (release = resolve));
      const running = runRetentionExclusively({ run: async () => (entered(), await held, NOTHING) });
      await inside;
      expect(await script()).toContain("another process is running it now; nothing done here");
      expect(await db.signature.findUnique({ where: { id: old.id } })).not.toBeNull();
      release();
      await running;
    }
    const printed = await script();
    expect(printed).toMatch(/^retention:$/m);
    expect(printed).toMatch(/^ {2}\d+ unconfirmed signatures deleted$/m);
    expect(printed).toMatch(/^ {2}0 letters anonymised$/m);
    expect(await db.signature.findUnique({ where: { id: old.id } })).toBeNull();
  }, 60_000);
});
