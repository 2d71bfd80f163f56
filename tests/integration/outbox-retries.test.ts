import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startResendStandIn, type StandIn } from "@/e2e/resend-stand-in";
import { configureDatabase, db } from "@/lib/db";
import { expireOutboxMail } from "@/lib/email/expire-outbox-mail";
import { listUndeliveredMail } from "@/lib/email/list-undelivered-mail";
import { processOutbox } from "@/lib/email/outbox-worker";
import { sendEmailAgain } from "@/lib/email/send-email-again";
import { getEnv, parseEnv, type Env } from "@/lib/env";

// The outbox over hours: an outage of the provider, messages whose links expire, and an
// admin sending a failed message again. Real SDK, real database, a clock moved by hand.

let standIn: StandIn;
let env: Env;
const admin = { id: "", email: "mail-admin@letters.test", role: "admin" as const };
const moderator = { id: "", email: "mail-moderator@letters.test", role: "moderator" as const };

beforeAll(async () => {
  await configureDatabase();
  standIn = await startResendStandIn({ apiKey: "re_test" });
  // The shipped retry schedule (the defaults), through the stand-in.
  const defaults = parseEnv({});
  env = { ...getEnv(), RESEND_API_KEY: "re_test", RESEND_BASE_URL: standIn.url, APP_URL: "https://letters.example.org",
    OUTBOX_RETRY_BASE_MS: defaults.OUTBOX_RETRY_BASE_MS, OUTBOX_MAX_ATTEMPTS: defaults.OUTBOX_MAX_ATTEMPTS,
    OUTBOX_RETRY_MAX_DELAY_MS: defaults.OUTBOX_RETRY_MAX_DELAY_MS };
  admin.id = (await db.user.upsert({ where: { email: admin.email }, create: { email: admin.email, role: "admin" }, update: {} })).id;
  moderator.id = (await db.user.upsert({ where: { email: moderator.email }, create: { email: moderator.email, role: "moderator" }, update: {} })).id;
});
afterAll(() => standIn?.close());
beforeEach(async () => {
  await db.outboxEmail.deleteMany();
  standIn.outage(null);
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

function clock(start = Date.now()) {
  let at = start;
  return { now: () => new Date(at), advance: (ms: number) => (at += ms), at: () => at };
}

const MINUTE = 60_000;
const token = () => crypto.randomBytes(32).toString("base64url");

/** A confirmation (or, with `template`, another kind of message) holding a secret link. */
async function queue(at: Date, { template = "signature-confirm" } = {}) {
  const secret = token();
  const link = template === "admin-sign-in" ? `https://letters.example.org/api/auth/callback/resend?token=${secret}&amp;email=x` : `https://letters.example.org/verify/${secret}`;
  const row = await db.outboxEmail.create({
    data: {
      template, to: `reader-${crypto.randomUUID().slice(0, 8)}@example.org`, subject: "Confirm your signature",
      html: `<p><a href="${link}">Confirm</a></p>`, text: `Confirm: ${link.replace("&amp;", "&")}`, nextAttemptAt: at, createdAt: at,
    },
  });
  return { id: row.id, to: row.to, secret };
}

const row = (id: string) => db.outboxEmail.findUniqueOrThrow({ where: { id } });
const received = (to: string) => standIn.emails.filter((e) => e.to.includes(to));
const requests = (to: string) => standIn.requests.filter((r) => r.to.includes(to));

function expectDeliveredOnce(messages: { to: string }[]) {
  const counts = messages.map(({ to }) => [to, received(to).length] as const);
  expect(counts.filter(([, count]) => count !== 1)).toEqual([]);
}

describe("a provider outage of ten minutes", () => {
  it(
    "delays mail and loses none: every message, one whose answer was lost among them, arrives exactly once, and retries go in batches",
    async () => {
      const time = clock();
      const start = time.at();
      // Just before the outage the provider takes a batch and every answer to it is lost.
      const lost = [await queue(time.now()), await queue(time.now()), await queue(time.now())];
      standIn.dropNext(lost[0].to, 3);
      await processOutbox(env, time.now);
      const lostKey = requests(lost[0].to)[0].idempotencyKey!;
      for (const { id } of lost) expect(await row(id)).toMatchObject({ status: "pending", batchKey: lostKey });

      standIn.outage({ status: 503, retryAfterSeconds: 30 });
      const messages = [...lost];
      /** One worker pass; how many requests it made to the provider (a batch is one). */
      const pass = async () => {
        const before = standIn.requests.length;
        await processOutbox(env, time.now);
        const made = standIn.requests.slice(before);
        return new Set(made.map((r, i) => r.batch ?? `alone-${i}`)).size;
      };
      const requestsPerPass: number[] = [];
      // Signers keep signing through the outage: five messages a minute; the worker polls every 5 s.
      while (time.at() - start < 10 * MINUTE) {
        if ((time.at() - start) % MINUTE === 0) for (let i = 0; i < 5; i++) messages.push(await queue(time.now()));
        requestsPerPass.push(await pass());
        time.advance(5_000);
      }
      expect(messages.filter(({ to }) => received(to).length === 0).length).toBe(messages.length - lost.length);
      expect(await db.outboxEmail.count({ where: { status: "failed" } })).toBe(0);

      standIn.outage(null);
      while (time.at() - start < 60 * MINUTE && (await db.outboxEmail.count({ where: { status: { not: "sent" } } })) > 0) {
        requestsPerPass.push(await pass());
        time.advance(5_000);
      }
      expect(await db.outboxEmail.count({ where: { status: { not: "sent" } } })).toBe(0);
      expectDeliveredOnce(messages);
      // The batch whose answer was lost was only ever offered whole, under its first key.
      for (const { to } of lost) expect(new Set(requests(to).map((r) => r.idempotencyKey))).toEqual(new Set([lostKey]));
      // Retries due together go together: a pass makes at most one request for them, and one
      // for the batch that keeps its key.
      expect(Math.max(...requestsPerPass)).toBeLessThanOrEqual(2);
      const retriedTogether = messages.slice(lost.length).filter(({ to }) => requests(to).some((r, i) => i > 0 && r.batch !== undefined));
      expect(retriedTogether.length).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe("secrets at rest in the outbox", () => {
  it("keeps no secret link of a delivered message: the provider got the link, the outbox keeps the message with the secret taken out", async () => {
    const time = clock();
    const one = await queue(time.now());
    await processOutbox(env, time.now);
    const many = [await queue(time.now()), await queue(time.now())];
    await processOutbox(env, time.now);
    for (const { id, to, secret } of [one, ...many]) {
      expect(received(to)[0].text).toContain(`/verify/${secret}`);
      const kept = await row(id);
      expect(kept).toMatchObject({ status: "sent", template: "signature-confirm", to, subject: "Confirm your signature" });
      expect(kept.html + kept.text).not.toContain(secret);
      expect(kept.text).toContain("https://letters.example.org/verify/[removed]");
    }
  });

  it("keeps a failed message's body while its link works, so it can be sent again, and takes the secret out once the link has expired", async () => {
    const time = clock();
    const { id, secret } = await queue(time.now());
    standIn.failNext((await row(id)).to, 1, 422);
    await processOutbox(env, time.now);
    expect(await row(id)).toMatchObject({ status: "failed" });
    expect((await row(id)).text).toContain(secret);

    time.advance(7 * 24 * 60 * MINUTE - 1);
    expect(await expireOutboxMail({ env, now: time.now() })).toBe(0);
    expect((await row(id)).text).toContain(secret);
    time.advance(1);
    expect(await expireOutboxMail({ env, now: time.now() })).toBe(1);
    const kept = await row(id);
    expect(kept.html + kept.text).not.toContain(secret);
    expect(kept.status).toBe("failed");
  });

  it("gives up a sign-in message that could not go before its link expired, and takes its secret out", async () => {
    const time = clock();
    const { id, to, secret } = await queue(time.now(), { template: "admin-sign-in" });
    standIn.outage({ status: 500 });
    for (let i = 0; i < 20 && (await row(id)).status === "pending"; i++) {
      await processOutbox(env, time.now);
      await expireOutboxMail({ env, now: time.now() });
      time.advance(MINUTE);
    }
    const kept = await row(id);
    expect(kept.status).toBe("failed");
    expect(kept.lastError).toMatch(/expired/);
    expect(kept.html + kept.text).not.toContain(secret);
    expect(time.at() - kept.createdAt.getTime()).toBeLessThanOrEqual(17 * MINUTE);
    standIn.outage(null);
    time.advance(60 * MINUTE);
    expect(await processOutbox(env, time.now)).toBe(0);
    expect(received(to)).toHaveLength(0);
  });

  it("takes the secret out at once of a message that failed after its answer was lost: it may have arrived and is never sent again", async () => {
    const time = clock();
    const { id, to, secret } = await queue(time.now());
    await db.outboxEmail.update({ where: { id }, data: { batchKey: `outbox/${id}@${time.at() - 23 * 60 * MINUTE + 1000}` } });
    standIn.dropNext(to, 1);
    await processOutbox(env, time.now);
    const kept = await row(id);
    expect(kept).toMatchObject({ status: "failed" });
    expect(kept.html + kept.text).not.toContain(secret);
    const { failed } = await listUndeliveredMail({ now: time.now() });
    expect(failed.find((m) => m.id === id)).toMatchObject({ mayHaveArrived: true, canSendAgain: false });
    await expect(sendEmailAgain({ actor: admin, id, now: time.now() })).rejects.toMatchObject({ code: "email_may_have_arrived" });
  });

  it("in the local mailbox, keeps a delivered message readable until its link expires, then takes the secret out", async () => {
    const local: Env = { ...env, RESEND_API_KEY: undefined, LOCAL_MAILBOX: "on" };
    vi.spyOn(console, "log").mockImplementation(() => {});
    const time = clock();
    const { id, secret } = await queue(time.now());
    await processOutbox(local, time.now);
    expect(await row(id)).toMatchObject({ status: "sent", providerId: `local/${id}` });
    expect((await row(id)).text).toContain(secret);
    time.advance(7 * 24 * 60 * MINUTE);
    expect(await expireOutboxMail({ env: local, now: time.now() })).toBe(1);
    expect((await row(id)).text).not.toContain(secret);
  });

  it("on the worker's first sweep, takes the secrets out of messages delivered before delivery did", async () => {
    const time = clock();
    const { id, secret } = await queue(time.now());
    await db.outboxEmail.update({ where: { id }, data: { status: "sent", sentAt: time.now(), providerId: "re-old" } });
    expect(await expireOutboxMail({ env, now: time.now() })).toBe(0);
    expect(await expireOutboxMail({ env, now: time.now(), everyRecentSent: true })).toBe(1);
    expect((await row(id)).text).not.toContain(secret);
  });
});

describe("sending a failed message again", () => {
  async function failedMessage(time: ReturnType<typeof clock>) {
    const message = await queue(time.now());
    standIn.failNext(message.to, 1, 422);
    await processOutbox(env, time.now);
    expect(await row(message.id)).toMatchObject({ status: "failed" });
    return message;
  }

  it("puts it back with fresh attempts, records who did it, and it is delivered once; a delivered message is not sent again", async () => {
    const time = clock();
    const { id, to, secret } = await failedMessage(time);
    const { failed } = await listUndeliveredMail({ now: time.now() });
    expect(failed.find((m) => m.id === id)).toMatchObject({ canSendAgain: true, to });

    await sendEmailAgain({ actor: admin, id, now: time.now() });
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 0, lastError: null });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "email.send_again", targetId: id } });
    expect(entry).toMatchObject({ actorEmail: admin.email, targetType: "email" });
    expect(JSON.parse(entry.detail)).toMatchObject({ template: "signature-confirm", attempts: 1 });
    expect(entry.detail).not.toContain(to);

    await processOutbox(env, time.now);
    expect(received(to)).toHaveLength(1);
    expect(received(to)[0].text).toContain(secret);
    expect((await row(id)).text).not.toContain(secret);
    await expect(sendEmailAgain({ actor: admin, id, now: time.now() })).rejects.toMatchObject({ status: 409, code: "email_not_failed" });
    await processOutbox(env, time.now);
    expect(received(to)).toHaveLength(1);
  });

  it("sends once when two admins press at the same moment", async () => {
    const time = clock();
    const { id, to } = await failedMessage(time);
    const results = await Promise.allSettled([sendEmailAgain({ actor: admin, id, now: time.now() }), sendEmailAgain({ actor: admin, id, now: time.now() })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await processOutbox(env, time.now);
    await processOutbox(env, time.now);
    expect(received(to)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "email.send_again", targetId: id } })).toBe(1);
  });

  it("refuses a moderator, and a message whose link has expired", async () => {
    const time = clock();
    const { id } = await failedMessage(time);
    await expect(sendEmailAgain({ actor: moderator, id, now: time.now() })).rejects.toMatchObject({ status: 403 });
    time.advance(7 * 24 * 60 * MINUTE);
    await expect(sendEmailAgain({ actor: admin, id, now: time.now() })).rejects.toMatchObject({ status: 410, code: "email_expired" });
    expect(await row(id)).toMatchObject({ status: "failed" });
  });
});
