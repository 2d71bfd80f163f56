import { spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { Resend } from "resend";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startResendStandIn, type StandIn } from "@/e2e/resend-stand-in";
import { configureDatabase, db, provider } from "@/lib/db";
import { SEND_TIMEOUT_MS, deliverBatch } from "@/lib/email/deliver";
import { processOutbox } from "@/lib/email/outbox-worker";
import { getEnv, type Env } from "@/lib/env";

let standIn: StandIn;
let env: Env;

beforeAll(async () => {
  await configureDatabase();
  standIn = await startResendStandIn({ apiKey: "re_test" });
  env = { ...getEnv(), RESEND_API_KEY: "re_test", RESEND_BASE_URL: standIn.url, OUTBOX_RETRY_BASE_MS: 1000, OUTBOX_MAX_ATTEMPTS: 3 };
});
afterAll(() => standIn?.close());

// processOutbox works on every due row: each test starts from an empty outbox
beforeEach(async () => {
  await db.outboxEmail.deleteMany();
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

/** A clock the test moves by hand. */
function clock(start = Date.now()) {
  let at = start;
  return { now: () => new Date(at), advance: (ms: number) => (at += ms), at: () => at };
}

const message = (now: Date) => ({
  template: "signature-confirm", to: `reader-${crypto.randomUUID().slice(0, 8)}@example.org`, subject: "Confirm your signature: A test letter",
  html: "<p>Confirm: <a href=\"http://letters.test/verify/abc\">link</a></p>",
  text: "Confirm: http://letters.test/verify/abc", nextAttemptAt: now,
});

async function queue(now: Date = new Date()) {
  const row = await db.outboxEmail.create({ data: message(now) });
  return { id: row.id, to: row.to };
}

/** Many messages in one statement; `data` makes them something other than new and pending. */
async function queueMany(count: number, data: { status?: string; attempts?: number; lockedUntil?: Date; batchKey?: string } = {}) {
  const rows = await db.outboxEmail.createManyAndReturn({ data: Array.from({ length: count }, () => ({ ...message(new Date()), ...data })) });
  return rows.map((row) => ({ id: row.id, to: row.to }));
}

const row = (id: string) => db.outboxEmail.findUniqueOrThrow({ where: { id } });
const received = (to: string) => standIn.emails.filter((e) => e.to.includes(to));
const requests = (to: string) => standIn.requests.filter((r) => r.to.includes(to));

/** Each message reached the provider's outbox exactly once, whoever sent it. */
function expectDeliveredOnce(messages: { to: string }[]) {
  expectOncePerMessage(messages, standIn.emails);
}

/** Each message was asked for exactly once: no two senders ever held it at the same time. */
function expectSentByOneSender(messages: { to: string }[]) {
  expectOncePerMessage(messages, standIn.requests);
}

function expectOncePerMessage(messages: { to: string }[], seen: { to: string[] }[]) {
  const counts = new Map(messages.map(({ to }) => [to, 0]));
  for (const { to: recipients } of seen) for (const to of recipients) if (counts.has(to)) counts.set(to, counts.get(to)! + 1);
  expect([...counts].filter(([, count]) => count !== 1)).toEqual([]);
}

function expectWaitBetween(at: Date, earliest: number, latest: number) {
  expect(at.getTime()).toBeGreaterThanOrEqual(earliest);
  expect(at.getTime()).toBeLessThanOrEqual(latest);
}

async function waitFor(what: string, done: () => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const root = path.resolve(import.meta.dirname, "../..");

/** tests/support/outbox-process.ts in a process of its own, on this file's database and the stand-in. */
function startSender({ wait = false } = {}) {
  const child = spawn(
    process.execPath,
    ["--import", "./scripts/server-only-hook.mjs", "--import", "tsx", "tests/support/outbox-process.ts", ...(wait ? ["--wait"] : [])],
    {
      cwd: root,
      env: { ...process.env, RESEND_API_KEY: env.RESEND_API_KEY, RESEND_BASE_URL: standIn.url, OUTBOX_RETRY_BASE_MS: "1000", OUTBOX_MAX_ATTEMPTS: "3" },
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return {
    child,
    exited,
    ready: () => waitFor("a sender to be ready", () => output.includes("ready\n")),
    /** How many messages it handled, once it has finished. */
    handled: async () => {
      const { code } = await exited;
      const line = output.split("\n").find((l) => l.startsWith('{"handled"'));
      if (code !== 0 || !line) throw new Error(`the sender failed (exit ${code}):\n${output}`);
      return (JSON.parse(line) as { handled: number }).handled;
    },
  };
}

describe("processOutbox with Resend (the stand-in)", () => {
  it("delivers a message once, with the idempotency key outbox/<id>@<time>, and records the provider's id", async () => {
    const { id, to } = await queue();
    expect(await processOutbox(env)).toBe(1);

    const [email] = received(to);
    expect(received(to)).toHaveLength(1);
    expect(email).toMatchObject({ idempotencyKey: expect.stringMatching(new RegExp(`^outbox/${id}@\\d+$`)), subject: "Confirm your signature: A test letter", from: env.EMAIL_FROM });
    expect(email.text).toContain("http://letters.test/verify/abc");
    expect(email.html).toContain("<a href=");
    const sent = await row(id);
    expect(sent).toMatchObject({ status: "sent", providerId: email.id, attempts: 1, lastError: null, lockedUntil: null });
    expect(sent.sentAt).toBeInstanceOf(Date);

    // nothing left to do: a second run sends nothing
    expect(await processOutbox(env)).toBe(0);
    expect(received(to)).toHaveLength(1);
  });

  it("retries a 500 with doubling, jittered backoff, and sends exactly one email when the provider recovers", async () => {
    const time = clock();
    const { id, to } = await queue(time.now());
    standIn.failNext(to, 2, 500);

    await processOutbox(env, time.now);
    let state = await row(id);
    expect(state).toMatchObject({ status: "pending", attempts: 1, batchKey: null });
    expect(state.lastError).toContain("500");
    expectWaitBetween(state.nextAttemptAt, time.at() + 750, time.at() + 1000);

    // not due yet: nothing happens
    time.advance(749);
    expect(await processOutbox(env, time.now)).toBe(0);

    time.advance(252);
    await processOutbox(env, time.now);
    state = await row(id);
    expect(state).toMatchObject({ status: "pending", attempts: 2 });
    expectWaitBetween(state.nextAttemptAt, time.at() + 1500, time.at() + 2000);

    time.advance(2001);
    await processOutbox(env, time.now);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(requests(to).map((r) => r.status)).toEqual([500, 500, 200]);
    // Refused outright, nothing went: each hand-over has a key of its own, naming the message.
    for (const { idempotencyKey } of requests(to)) expect(idempotencyKey).toMatch(new RegExp(`^outbox/${id}@\\d+$`));
    expect(received(to)).toHaveLength(1);
  });

  it("waits as long as a 429's Retry-After asks", async () => {
    const time = clock();
    const { id, to } = await queue(time.now());
    standIn.failNext(to, 1, 429, { retryAfterSeconds: 120 });
    await processOutbox(env, time.now);
    expect((await row(id)).nextAttemptAt.getTime()).toBe(time.at() + 120_000);
    time.advance(119_000);
    expect(await processOutbox(env, time.now)).toBe(0);
    time.advance(1_000);
    expect(await processOutbox(env, time.now)).toBe(1);
    expect(received(to)).toHaveLength(1);
  });

  it("retries after 429 Too Many Requests", async () => {
    const time = clock();
    const { id, to } = await queue(time.now());
    standIn.failNext(to, 1, 429);
    await processOutbox(env, time.now);
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 1 });
    expect((await row(id)).lastError).toContain("429");
    time.advance(1001);
    await processOutbox(env, time.now);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(received(to)).toHaveLength(1);
  });

  it("does not retry a 422: the message is marked failed after one attempt", async () => {
    const time = clock();
    const { id, to } = await queue(time.now());
    standIn.failNext(to, 1, 422);
    await processOutbox(env, time.now);
    const state = await row(id);
    expect(state).toMatchObject({ status: "failed", attempts: 1, providerId: null });
    expect(state.lastError).toContain("422");

    time.advance(60 * 60 * 1000);
    expect(await processOutbox(env, time.now)).toBe(0);
    expect(requests(to)).toHaveLength(1);
    expect(received(to)).toHaveLength(0);
  });

  it("gives up after OUTBOX_MAX_ATTEMPTS when the provider keeps failing", async () => {
    const time = clock();
    const { id, to } = await queue(time.now());
    standIn.failNext(to, 100, 500);
    for (let attempt = 1; attempt <= env.OUTBOX_MAX_ATTEMPTS; attempt++) {
      expect(await processOutbox(env, time.now)).toBe(1);
      expect((await row(id)).attempts).toBe(attempt);
      time.advance(60 * 60 * 1000);
    }
    expect(await row(id)).toMatchObject({ status: "failed", attempts: 3 });
    expect(await processOutbox(env, time.now)).toBe(0);
    expect(requests(to)).toHaveLength(3);
    expect(received(to)).toHaveLength(0);
  });

  it("takes back a message whose sender's lease ran out, and leaves one still leased alone", async () => {
    const time = clock();
    const stale = await queue(time.now());
    const leased = await queue(time.now());
    await db.outboxEmail.update({ where: { id: stale.id }, data: { status: "sending", attempts: 1, lockedUntil: new Date(time.at() - 1) } });
    await db.outboxEmail.update({ where: { id: leased.id }, data: { status: "sending", attempts: 1, lockedUntil: new Date(time.at() + 30_000) } });

    expect(await processOutbox(env, time.now)).toBe(1);
    expect(await row(stale.id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(await row(leased.id)).toMatchObject({ status: "sending", attempts: 1 });
    expect(received(leased.to)).toHaveLength(0);
  });

  it(
    "gives up waiting on a provider that does not answer and keeps the message for a retry",
    async () => {
      expect(SEND_TIMEOUT_MS).toBe(10_000);
      const time = clock();
      const { id, to } = await queue(time.now());
      standIn.delayNext(to, 1, SEND_TIMEOUT_MS + 2_000);

      const started = Date.now();
      await processOutbox(env, time.now);
      expect(Date.now() - started).toBeLessThan(SEND_TIMEOUT_MS + 1_500);
      const state = await row(id);
      expect(state).toMatchObject({ status: "pending", attempts: 1, providerId: null });
      expect(state.lastError).toBeTruthy();
      expectWaitBetween(state.nextAttemptAt, time.at() + 750, time.at() + 1000);
    },
    30_000,
  );
});

describe("processOutbox sends first attempts as Resend batches", () => {
  it("sends several due messages in one batch request and records each message's provider id", async () => {
    const messages = [await queue(), await queue(), await queue()];
    const batchesBefore = standIn.batches();

    expect(await processOutbox(env)).toBe(3);
    expect(standIn.batches()).toBe(batchesBefore + 1);
    const keys = new Set<string | null>();
    for (const { id, to } of messages) {
      const [email] = received(to);
      expect(received(to)).toHaveLength(1);
      expect(email).toMatchObject({ subject: "Confirm your signature: A test letter", from: env.EMAIL_FROM });
      expect(await row(id)).toMatchObject({ status: "sent", providerId: email.id, attempts: 1 });
      keys.add(email.idempotencyKey);
    }
    expect([...keys]).toHaveLength(1);
    expect([...keys][0]).toMatch(/^outbox\/batch-/);
  });

  it("hands back a batch refused with a 500; its messages go again together, as a new batch under a new key, each sent once", async () => {
    const time = clock();
    const a = await queue(time.now());
    const b = await queue(time.now());
    standIn.failNext(a.to, 1, 500);

    expect(await processOutbox(env, time.now)).toBe(2);
    for (const { id } of [a, b]) {
      const state = await row(id);
      expect(state).toMatchObject({ status: "pending", attempts: 1 });
      expect(state.lastError).toContain("500");
    }
    expect(received(b.to)).toHaveLength(0);

    const firstKey = requests(a.to)[0].idempotencyKey;
    time.advance(1001);
    expect(await processOutbox(env, time.now)).toBe(2);
    for (const { id, to } of [a, b]) {
      expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
      expect(received(to)).toHaveLength(1);
      expect(requests(to).map((r) => r.status)).toEqual([500, 200]);
    }
    const [retryA, retryB] = [requests(a.to).at(-1)!, requests(b.to).at(-1)!];
    expect(retryA.batch).toBeDefined();
    expect(retryB.batch).toBe(retryA.batch);
    expect(retryA.idempotencyKey).toMatch(/^outbox\/batch-/);
    expect(retryA.idempotencyKey).not.toBe(firstKey);
  });

  it("fails only the message Resend refuses with a 422, and sends the rest of the batch", async () => {
    const bad = await queue();
    const good = await queue();
    standIn.failNext(bad.to, 1, 422);

    expect(await processOutbox(env)).toBe(2);
    const refused = await row(bad.id);
    expect(refused).toMatchObject({ status: "failed", attempts: 1, providerId: null });
    expect(refused.lastError).toContain("422");
    expect(await row(good.id)).toMatchObject({ status: "sent", providerId: received(good.to)[0].id });
    expect(received(bad.to)).toHaveLength(0);
  });

  it("asks again with the same key when a batch's answer is lost, and nothing is sent twice", async () => {
    const a = await queue();
    const b = await queue();
    const messages = await db.outboxEmail.findMany({ where: { id: { in: [a.id, b.id] } }, orderBy: { to: "asc" } });
    // The first answer comes after the sender gave up: the messages went, the sender does not know.
    standIn.delayNext(a.to, 1, 500);

    const results = await deliverBatch(messages, env, { timeoutMs: 200 });
    expect(results.every((r) => r.ok)).toBe(true);
    for (const { to } of [a, b]) expect(received(to)).toHaveLength(1);
    const ids = messages.map((m) => received(m.to)[0].id);
    expect(results.map((r) => (r.ok ? r.providerId : null))).toEqual(ids);
    expect(new Set(requests(a.to).map((r) => r.idempotencyKey)).size).toBe(1);
    expect(requests(a.to).length).toBeGreaterThan(1);
  });
});

describe("each message is delivered once, whatever fails", () => {
  it("keeps a batch whose answer is lost on every try as that batch: later, and after a refusal, it is asked again under the same key and each message goes once", async () => {
    const time = clock();
    const messages = [await queue(time.now()), await queue(time.now())];
    // The provider takes the batch and sends it, and every answer is lost on the way back.
    standIn.dropNext(messages[0].to, 3);

    expect(await processOutbox(env, time.now)).toBe(2);
    const key = received(messages[0].to)[0].idempotencyKey!;
    expect(key).toMatch(/^outbox\/batch-/);
    for (const { id } of messages) {
      const state = await row(id);
      expect(state).toMatchObject({ status: "pending", attempts: 1, batchKey: key, providerId: null });
      expect(state.lastError).toContain("network");
    }

    // Refused outright on the next try: the batch may still have gone the first time, so it stays a batch.
    standIn.failNext(messages[0].to, 1, 500);
    time.advance(1001);
    expect(await processOutbox(env, time.now)).toBe(2);
    for (const { id } of messages) expect(await row(id)).toMatchObject({ status: "pending", attempts: 2, batchKey: key });

    time.advance(2001);
    expect(await processOutbox(env, time.now)).toBe(2);
    expectDeliveredOnce(messages);
    for (const { id, to } of messages) {
      expect(requests(to).map((r) => [r.status, r.idempotencyKey, r.lost ?? false])).toEqual([
        [200, key, true], [200, key, true], [200, key, true], [500, key, false], [200, key, false],
      ]);
      expect(await row(id)).toMatchObject({ status: "sent", attempts: 3, providerId: received(to)[0].id, batchKey: null });
    }
  });

  it("does not ask again once Resend would have forgotten the key: a message whose answer has been lost since nearly a day fails, and is marked as one that may have arrived", async () => {
    const time = clock();
    const { id, to } = await queue(time.now());
    // Its answer was first lost under this key nearly 23 hours ago; it has been pending since.
    const key = `outbox/${id}@${time.at() - 23 * 60 * 60 * 1000 + 500}`;
    await db.outboxEmail.update({ where: { id }, data: { batchKey: key } });
    standIn.dropNext(to, 1);

    expect(await processOutbox(env, time.now)).toBe(1);
    const state = await row(id);
    expect(state).toMatchObject({ status: "failed", attempts: 1, providerId: null, batchKey: key });
    expect(requests(to)[0].idempotencyKey).toBe(key);
    expect(state.lastError).toContain("forgets the key");
    time.advance(60 * 60 * 1000);
    expect(await processOutbox(env, time.now)).toBe(0);
    expect(requests(to)).toHaveLength(1);
  });

  it("two deliveries running at once send every message exactly once, and a batch left by a dead sender goes out whole, once", async () => {
    const messages = await queueMany(250);
    const orphanKey = `outbox/batch-${crypto.randomUUID()}`;
    const orphan = await queueMany(3, { status: "sending", attempts: 1, lockedUntil: new Date(Date.now() - 1), batchKey: orphanKey });
    // Slow answers, so both deliveries are busy at the same time.
    for (const { to } of messages) standIn.delayNext(to, 1, 50);

    const handled = await Promise.all([processOutbox(env), processOutbox(env)]);
    expect(handled[0] + handled[1]).toBe(253);
    expectSentByOneSender([...messages, ...orphan]);
    expectDeliveredOnce([...messages, ...orphan]);
    expect(await db.outboxEmail.count({ where: { status: { not: "sent" } } })).toBe(0);
    const orphanRequests = orphan.flatMap(({ to }) => requests(to));
    expect(orphanRequests).toHaveLength(3);
    expect(new Set(orphanRequests.map((r) => `${r.batch} ${r.idempotencyKey}`))).toEqual(new Set([`${orphanRequests[0].batch} ${orphanKey}`]));
  });

  it.runIf(provider === "postgresql")(
    "skips the rows another claimer holds instead of waiting for them, and never takes part of a batch another claimer is taking",
    async () => {
      const fresh = await queueMany(4);
      const batchKey = `outbox/batch-${crypto.randomUUID()}`;
      const orphan = await queueMany(3, { status: "sending", attempts: 1, lockedUntil: new Date(Date.now() - 1), batchKey });
      // A batch is claimed through its first row.
      const [{ first }] = await db.$queryRaw<{ first: string }[]>`SELECT min("id") AS "first" FROM "OutboxEmail" WHERE "batchKey" = ${batchKey}`;
      const otherClaimer = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await otherClaimer.connect();
      try {
        await otherClaimer.query("BEGIN");
        await otherClaimer.query(`SELECT 1 FROM "OutboxEmail" WHERE "id" = ANY($1) FOR UPDATE`, [[fresh[0].id, fresh[1].id, first]]);

        // Would wait for the other claimer's transaction, which never ends while this runs, without SKIP LOCKED.
        expect(await processOutbox(env)).toBe(2);
        expectDeliveredOnce(fresh.slice(2));
        for (const { to } of [...fresh.slice(0, 2), ...orphan]) expect(requests(to)).toEqual([]);
        for (const { id } of orphan) expect(await row(id)).toMatchObject({ status: "sending", attempts: 1, batchKey });
      } finally {
        await otherClaimer.query("ROLLBACK");
        await otherClaimer.end();
      }

      expect(await processOutbox(env)).toBe(5);
      expectSentByOneSender([...fresh, ...orphan]);
      expectDeliveredOnce([...fresh, ...orphan]);
      const orphanRequests = orphan.flatMap(({ to }) => requests(to));
      expect(new Set(orphanRequests.map((r) => `${r.batch} ${r.idempotencyKey}`))).toEqual(new Set([`${orphanRequests[0].batch} ${batchKey}`]));
    },
  );

  it(
    "two sender processes started together deliver every message exactly once",
    async () => {
      const messages = await queueMany(600);
      for (const { to } of messages) standIn.delayNext(to, 1, 50);
      const senders = [startSender({ wait: true }), startSender({ wait: true })];
      await Promise.all(senders.map((sender) => sender.ready()));
      for (const sender of senders) sender.child.stdin.write("go\n");

      const handled = await Promise.all(senders.map((sender) => sender.handled()));
      expect(handled[0] + handled[1]).toBe(600);
      // Both took part: the claims really ran side by side.
      expect(Math.min(...handled)).toBeGreaterThan(0);
      expectSentByOneSender(messages);
      expectDeliveredOnce(messages);
      expect(await db.outboxEmail.count({ where: { status: { not: "sent" } } })).toBe(0);
    },
    60_000,
  );

  it(
    "delivers once the batch of a sender killed after the provider took it and before it was marked sent, under the same key",
    async () => {
      const messages = [await queue(), await queue(), await queue()];
      // The provider sends the batch at once and holds back its answer: the sender is killed while it waits.
      standIn.delayNext(messages[0].to, 1, 60_000);
      const sender = startSender();
      await waitFor("the stand-in to receive the batch", () => messages.every(({ to }) => received(to).length === 1));
      sender.child.kill("SIGKILL");
      expect(await sender.exited).toEqual({ code: null, signal: "SIGKILL" });

      const key = received(messages[0].to)[0].idempotencyKey!;
      expect(key).toMatch(/^outbox\/batch-/);
      // The key was on the rows before the batch went.
      for (const { id } of messages) expect(await row(id)).toMatchObject({ status: "sending", attempts: 1, batchKey: key, providerId: null });
      // Leased to the dead sender until its lease runs out.
      expect(await processOutbox(env)).toBe(0);

      const afterLease = clock(Date.now() + 61_000);
      expect(await processOutbox(env, afterLease.now)).toBe(3);
      expectDeliveredOnce(messages);
      for (const { id, to } of messages) {
        expect(requests(to).map((r) => r.idempotencyKey)).toEqual([key, key]);
        // The provider's first answer, given again: the ids of the messages the dead sender handed over.
        expect(await row(id)).toMatchObject({ status: "sent", attempts: 2, providerId: received(to)[0].id, batchKey: null });
      }
    },
    60_000,
  );
});

describe("the Resend stand-in honours idempotency keys like Resend", () => {
  const email = (to: string, subject = "Hello") => ({ from: "Open Letters <letters@localhost>", to: [to], subject, text: "Hi" });

  it("answers a repeated key and body with its first answer, sends nothing new, and refuses the key with another body", async () => {
    const resend = new Resend("re_test", { baseUrl: standIn.url });
    const to = [`a-${crypto.randomUUID()}@example.org`, `b-${crypto.randomUUID()}@example.org`];
    const key = `test/${crypto.randomUUID()}`;

    const first = await resend.batch.send(to.map((t) => email(t)), { idempotencyKey: key });
    const again = await resend.batch.send(to.map((t) => email(t)), { idempotencyKey: key });
    expect(again.data).toEqual(first.data);
    const other = await resend.batch.send(to.map((t) => email(t, "Another subject")), { idempotencyKey: key });
    expect(other.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });

    const single = await resend.emails.send(email(to[0]), { idempotencyKey: `${key}/one` });
    expect((await resend.emails.send(email(to[0]), { idempotencyKey: `${key}/one` })).data).toEqual(single.data);
    const otherSingle = await resend.emails.send(email(to[0], "Another subject"), { idempotencyKey: `${key}/one` });
    expect(otherSingle.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });

    expect(received(to[0])).toHaveLength(2); // one in the batch, one alone
    expect(received(to[1])).toHaveLength(1);
  });
});

describe("processOutbox without a Resend key (local mailbox)", () => {
  it("marks the message sent with a local/ id and prints it with its links to the log", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const local: Env = { ...env, RESEND_API_KEY: undefined };
    const { id, to } = await queue();
    const before = standIn.requests.length;

    expect(await processOutbox(local)).toBe(1);
    expect(await row(id)).toMatchObject({ status: "sent", providerId: `local/${id}`, attempts: 1 });
    const printed = log.mock.calls.map((call) => call.join(" ")).join("\n");
    expect(printed).toContain(to);
    expect(printed).toContain("http://letters.test/verify/abc");
    expect(standIn.requests.length).toBe(before);
  });
});
