import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startResendStandIn, type StandIn } from "@/e2e/resend-stand-in";
import { configureDatabase, db } from "@/lib/db";
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

async function queue(now: Date = new Date()) {
  const to = `reader-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const row = await db.outboxEmail.create({
    data: {
      template: "signature-confirm", to, subject: "Confirm your signature: A test letter",
      html: "<p>Confirm: <a href=\"http://letters.test/verify/abc\">link</a></p>",
      text: "Confirm: http://letters.test/verify/abc", nextAttemptAt: now,
    },
  });
  return { id: row.id, to };
}

const row = (id: string) => db.outboxEmail.findUniqueOrThrow({ where: { id } });
const received = (to: string) => standIn.emails.filter((e) => e.to.includes(to));
const requests = (to: string) => standIn.requests.filter((r) => r.to.includes(to));

describe("processOutbox with Resend (the stand-in)", () => {
  it("delivers a message once, with the idempotency key outbox/<id>, and records the provider's id", async () => {
    const { id, to } = await queue();
    expect(await processOutbox(env)).toBe(1);

    const [email] = received(to);
    expect(received(to)).toHaveLength(1);
    expect(email).toMatchObject({ idempotencyKey: `outbox/${id}`, subject: "Confirm your signature: A test letter", from: env.EMAIL_FROM });
    expect(email.text).toContain("http://letters.test/verify/abc");
    expect(email.html).toContain("<a href=");
    const sent = await row(id);
    expect(sent).toMatchObject({ status: "sent", providerId: email.id, attempts: 1, lastError: null, lockedUntil: null });
    expect(sent.sentAt).toBeInstanceOf(Date);

    // nothing left to do: a second run sends nothing
    expect(await processOutbox(env)).toBe(0);
    expect(received(to)).toHaveLength(1);
  });

  it("retries a 500 with doubling backoff, and sends exactly one email when the provider recovers", async () => {
    const time = clock();
    const { id, to } = await queue(time.now());
    standIn.failNext(to, 2, 500);

    await processOutbox(env, time.now);
    let state = await row(id);
    expect(state).toMatchObject({ status: "pending", attempts: 1 });
    expect(state.lastError).toContain("500");
    expect(state.nextAttemptAt.getTime()).toBe(time.at() + 1000);

    // not due yet: nothing happens
    time.advance(999);
    expect(await processOutbox(env, time.now)).toBe(0);

    time.advance(2);
    await processOutbox(env, time.now);
    state = await row(id);
    expect(state).toMatchObject({ status: "pending", attempts: 2 });
    expect(state.nextAttemptAt.getTime()).toBe(time.at() + 2000);

    time.advance(2001);
    await processOutbox(env, time.now);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(requests(to).map((r) => r.status)).toEqual([500, 500, 200]);
    expect(new Set(requests(to).map((r) => r.idempotencyKey))).toEqual(new Set([`outbox/${id}`]));
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
      expect(state.nextAttemptAt.getTime()).toBe(time.at() + 1000);
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

  it("hands back a batch refused with a 500; the retries go one by one under their own keys, each sent once", async () => {
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

    time.advance(1001);
    expect(await processOutbox(env, time.now)).toBe(2);
    for (const { id, to } of [a, b]) {
      expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
      expect(received(to)).toHaveLength(1);
      expect(requests(to).map((r) => r.status)).toEqual([500, 200]);
      expect(requests(to).at(-1)?.idempotencyKey).toBe(`outbox/${id}`);
      expect(requests(to).at(-1)?.batch).toBeUndefined(); // sent alone
    }
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
