import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Webhook } from "standardwebhooks";
import { ZodError } from "zod";
import { startWebhookReceiver, type WebhookReceiver } from "@/e2e/webhook-receiver";
import type { Staff } from "@/lib/auth/require-staff";
import { rollUpCounts } from "@/lib/counts/roll-up-counts";
import { configureDatabase, db } from "@/lib/db";
import { getEnv, type Env } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { moderateSignatures } from "@/lib/moderation/moderate-signatures";
import { runRetention } from "@/lib/retention/run-retention";
import { eraseSignerData } from "@/lib/signer-rights/erase-signer-data";
import { withdrawSignature } from "@/lib/signer-rights/withdraw-signature";
import { canonicalEmail } from "@/lib/signatures/canonical-email";
import { createToken } from "@/lib/signatures/tokens";
import { sendWebhookAgain } from "@/lib/webhooks/send-webhook-again";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { webhookPayloadSchemas, type WebhookEvent } from "@/lib/webhooks/payloads";
import type { Lookup } from "@/lib/webhooks/safe-target";
import { postWebhook } from "@/lib/webhooks/post-webhook";
import { openWebhookSecret, sealWebhookSecret } from "@/lib/webhooks/secret-box";
import { processWebhooks } from "@/lib/webhooks/webhook-worker";
import { createLetter, individual, organization, signAndConfirm } from "../support/factories";

// Webhooks end to end on a real database: events queued with the changes that cause
// them, delivered by the worker to a local endpoint over plain HTTP (allowed by the
// operator setting), signed so that the Standard Webhooks reference library verifies
// them, retried over a day on a clock moved by hand, and refused for private addresses.

type Letter = Awaited<ReturnType<typeof createLetter>>;
const ALL_EVENTS: WebhookEvent[] = ["signature.confirmed", "organization.approved", "signature.withdrawn", "milestone.reached"];
const unique = () => crypto.randomUUID().slice(0, 8);

let receiver: WebhookReceiver;
let open: Env; // WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true: the local receiver may be called
let strict: Env; // the default: public https: addresses only
const admin: Staff = { id: "", email: `hooks-admin-${unique()}@letters.test`, role: "admin" };
const moderator: Staff = { id: "", email: `hooks-moderator-${unique()}@letters.test`, role: "moderator" };

beforeAll(async () => {
  await configureDatabase();
  receiver = await startWebhookReceiver();
  open = { ...getEnv(), WEBHOOKS_ALLOW_PRIVATE_NETWORKS: true };
  strict = { ...getEnv(), WEBHOOKS_ALLOW_PRIVATE_NETWORKS: false };
  admin.id = (await db.user.create({ data: { email: admin.email, role: "admin" } })).id;
  moderator.id = (await db.user.create({ data: { email: moderator.email, role: "moderator" } })).id;
});
afterAll(() => receiver?.close());
beforeEach(async () => {
  await db.webhookEndpoint.deleteMany();
  receiver.received.length = 0;
  receiver.answer([]);
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

function clock(start = Date.now()) {
  let at = start;
  return { now: () => new Date(at), set: (to: Date) => (at = Math.max(at, to.getTime())), advance: (ms: number) => (at += ms) };
}

async function register(letter: Letter | null, { events = ALL_EVENTS, personalData = false, url = receiver.url } = {}) {
  return createWebhookEndpoint({
    actor: admin,
    input: { url, letterId: letter?.id ?? null, events, personalData, description: "test" },
    env: open,
  });
}

const deliveries = (endpointId: string) => db.webhookDelivery.findMany({ where: { endpointId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const bodies = () => receiver.received.map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
const signatureOf = (letter: Letter, email: string) => db.signature.findFirstOrThrow({ where: { letterId: letter.id, email } });

async function withdrawalLink(letter: Letter, email: string): Promise<string> {
  const { token, tokenHash } = createToken();
  await db.withdrawalToken.create({ data: { tokenHash, signatureId: (await signatureOf(letter, email)).id, letterId: letter.id } });
  return token;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => new Error("expected a refusal, but it was accepted"), (e: unknown) => e);
  expect(error).toBeInstanceOf(ZodError);
  const issue = (error as ZodError).issues[0];
  expect(issue.path).toEqual(["url"]);
  return issue.message;
}

describe("a webhook delivered to a local endpoint", () => {
  it("is signed so that Webhook.verify accepts it, parses with its payload schema and carries no email", async () => {
    const letter = await createLetter();
    const { secret } = await register(letter);
    const listed = individual({ name: `Listed ${unique()}` });
    const unlisted = individual({ name: `Unlisted ${unique()}`, listPublicly: false });
    await signAndConfirm(letter, listed);
    await signAndConfirm(letter, unlisted);

    expect(await processWebhooks({ env: open })).toBe(2);
    expect(receiver.received).toHaveLength(2);
    for (const { headers, body } of receiver.received) {
      expect(headers["content-type"]).toBe("application/json");
      expect(headers["user-agent"]).toMatch(/^OpenLetters-Webhooks\//);
      expect(headers["webhook-id"]).toMatch(/^msg_/);
      // The reference library checks the signature and that the timestamp is recent.
      const verified = new Webhook(secret).verify(body, headers);
      const payload = webhookPayloadSchemas["signature.confirmed"].parse(verified);
      expect(payload.data.letter.slug).toBe(letter.slug);
      expect(body).not.toContain("@");
      expect(payload.data.signature).not.toHaveProperty("email");
    }
    // Sent side by side: in either order.
    const signatures = bodies().map((b) => webhookPayloadSchemas["signature.confirmed"].parse(b).data.signature);
    expect(signatures.find((s) => s.listPublicly)?.name).toBe(listed.name);
    // An unlisted signer is counted, not named.
    expect(signatures.find((s) => !s.listPublicly)).toMatchObject({ name: null, status: "counted", country: "FR" });
    expect(() => new Webhook(`whsec_${crypto.randomBytes(32).toString("base64")}`).verify(receiver.received[0].body, receiver.received[0].headers)).toThrow();
  });

  it("carries the email, and an unlisted signer's name, only to an endpoint marked to receive personal data", async () => {
    const letter = await createLetter();
    await register(letter, { personalData: true, events: ["signature.confirmed"] });
    await register(letter, { personalData: false, events: ["signature.confirmed"] });
    const signer = individual({ name: `Private ${unique()}`, listPublicly: false });
    await signAndConfirm(letter, signer);
    await processWebhooks({ env: open });

    const signatures = bodies().map((b) => webhookPayloadSchemas["signature.confirmed"].parse(b).data.signature);
    expect(signatures).toHaveLength(2);
    const personal = signatures.find((s) => s.email)!;
    expect(personal).toMatchObject({ email: signer.email, name: signer.name });
    const anonymous = signatures.find((s) => !s.email)!;
    expect(anonymous.name).toBeNull();
    expect(receiver.received.filter((r) => r.body.includes(signer.email))).toHaveLength(1);
  });

  it("keeps the secret encrypted: only AUTH_SECRET opens it, and the audit log never holds it", async () => {
    const letter = await createLetter();
    const { id, secret } = await register(letter);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(stored.secretCipher).not.toContain(secret.slice(6, 20));
    expect(openWebhookSecret(stored.secretCipher, open.AUTH_SECRET)).toBe(secret);
    expect(() => openWebhookSecret(stored.secretCipher, "another-secret-another-secret-another-1")).toThrow();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "webhook.create", targetId: id } });
    expect(audit.detail).not.toContain(secret.slice(6, 20));
  });
});

describe("events", () => {
  it("queues each of the four events once, in the transaction of its change", async () => {
    const letter = await db.letter.update({ where: { id: (await createLetter()).id }, data: { goal: 3 } });
    const { id } = await register(letter);
    // a is unlisted: its confirmation names no one, so it stays queued when a withdraws.
    const [a, b] = [individual({ listPublicly: false }), individual()];
    await signAndConfirm(letter, a);
    await signAndConfirm(letter, b);
    const org = organization();
    await signAndConfirm(letter, org); // waits for a moderator: confirmed, not counted
    await moderateSignatures({ actor: moderator, ids: [(await signatureOf(letter, org.email)).id], action: "approve" });
    await moderateSignatures({ actor: moderator, ids: [(await signatureOf(letter, org.email)).id], action: "approve" }); // again: nothing new
    await rollUpCounts(); // the total reaches 3, the letter's goal
    await withdrawSignature({ token: await withdrawalLink(letter, a.email), how: "link" });

    const queued = await deliveries(id);
    expect(queued.map((d) => d.event)).toEqual([
      "signature.confirmed", "signature.confirmed", "signature.confirmed", "organization.approved", "milestone.reached", "signature.withdrawn",
    ]);
    for (const delivery of queued) webhookPayloadSchemas[delivery.event as WebhookEvent].parse(JSON.parse(delivery.payload));
    const [, , orgConfirmed, approved, milestone, withdrawn] = queued.map((d) => JSON.parse(d.payload));
    expect(orgConfirmed.data.signature).toMatchObject({ kind: "organization", status: "awaiting_review" });
    expect(approved.data.signature).toMatchObject({ kind: "organization", status: "counted", organizationName: org.kind === "organization" ? org.organizationName : "" });
    expect(milestone.data).toMatchObject({ milestone: { count: 3, isGoal: true }, total: 3 });
    // A withdrawal says which signature went, and nothing more about the person.
    expect(Object.keys(withdrawn.data.signature).sort()).toEqual(["country", "id", "kind", "withdrawnAt"]);

    await processWebhooks({ env: open });
    expect(bodies().map((b) => b.type).sort()).toEqual([...queued.map((d) => d.event)].sort());
  });

  it("sends milestone.reached once, however many confirm and roll up at the same time, and not again when the total climbs back", async () => {
    const letter = await createLetter();
    const { id } = await register(letter, { events: ["milestone.reached"] });
    const signers = Array.from({ length: 10 }, () => individual());
    await Promise.all(signers.map((signer) => signAndConfirm(letter, signer)));
    await Promise.all([rollUpCounts({ batchSize: 3 }), rollUpCounts({ batchSize: 3 }), rollUpCounts({ batchSize: 3 })]);
    await rollUpCounts();
    // Down to 9 and back to 10.
    await withdrawSignature({ token: await withdrawalLink(letter, signers[0].email), how: "link" });
    await rollUpCounts();
    await signAndConfirm(letter, individual());
    await rollUpCounts();

    const milestones = (await deliveries(id)).map((d) => JSON.parse(d.payload).data.milestone.count);
    expect(milestones).toEqual([10]);
    expect(await db.webhookMilestone.count({ where: { letterId: letter.id } })).toBe(1);
  });

  it("names an organisation awaiting review to no one but an endpoint receiving personal data, until a moderator approves it", async () => {
    const letter = await createLetter();
    const plain = await register(letter, { events: ["signature.confirmed", "organization.approved"] });
    const personal = await register(letter, { events: ["signature.confirmed"], personalData: true });
    const org = organization({ organizationName: `Unchecked Org ${unique()}` });
    await signAndConfirm(letter, org); // not yet listed: a moderator checks it first
    const payload = async (id: string) => (await deliveries(id)).map((d) => JSON.parse(d.payload).data.signature);
    const [waiting] = await payload(plain.id);
    expect(waiting).toMatchObject({ kind: "organization", status: "awaiting_review", listPublicly: true, name: null, organizationName: null, website: null });
    expect((await payload(personal.id))[0]).toMatchObject({ status: "awaiting_review", organizationName: org.kind === "organization" ? org.organizationName : "" });
    await moderateSignatures({ actor: moderator, ids: [(await signatureOf(letter, org.email)).id], action: "approve" });
    const [, approved] = await payload(plain.id);
    expect(approved).toMatchObject({ status: "counted", organizationName: org.kind === "organization" ? org.organizationName : "" });
    // Listed under its own name, as the public list shows it: its contact person stays private.
    expect(approved.name).toBeNull();
    expect((await payload(personal.id))[0].name).toBe(org.name);
    expect(receiver.received).toHaveLength(0);
    const stored = await db.webhookDelivery.findMany({ where: { endpointId: plain.id } });
    expect(stored.some((d) => d.payload.includes(org.name))).toBe(false);
  });

  it("gives a letter's endpoint only that letter's events, and an endpoint for all letters every letter's", async () => {
    const [mine, other] = [await createLetter(), await createLetter()];
    const own = await register(mine, { events: ["signature.confirmed"] });
    const all = await register(null, { events: ["signature.confirmed"] });
    await signAndConfirm(mine, individual());
    await signAndConfirm(other, individual());
    const slugs = async (id: string) => (await deliveries(id)).map((d) => JSON.parse(d.payload).data.letter.slug);
    expect(await slugs(own.id)).toEqual([mine.slug]);
    expect(await slugs(all.id)).toEqual([mine.slug, other.slug]);
  });

  it("sends an endpoint only the events it asked for", async () => {
    const letter = await createLetter();
    const { id } = await register(letter, { events: ["signature.withdrawn"] });
    const signer = individual();
    await signAndConfirm(letter, signer);
    await withdrawSignature({ token: await withdrawalLink(letter, signer.email), how: "link" });
    expect((await deliveries(id)).map((d) => d.event)).toEqual(["signature.withdrawn"]);
  });

  it("erasing a signer deletes the webhooks that name them and still says the signature was withdrawn", async () => {
    const letter = await createLetter();
    const personal = await register(letter, { personalData: true });
    const plain = await register(letter);
    const signer = individual();
    await signAndConfirm(letter, signer);
    await eraseSignerData({ emailCanonical: canonicalEmail(signer.email).canonical, actor: "signer" });
    expect((await deliveries(personal.id)).map((d) => d.event)).toEqual(["signature.withdrawn"]);
    // The listed signer's name went to the plain endpoint too: that delivery goes as well.
    expect((await deliveries(plain.id)).map((d) => d.event)).toEqual(["signature.withdrawn"]);
    const stored = await db.webhookDelivery.findMany({ where: { letterId: letter.id } });
    expect(stored.some((d) => d.payload.includes(signer.email) || d.payload.includes(signer.name))).toBe(false);
  });

  it("withdrawing a listed signature takes its name out of the queue: a delivery still waiting never sends it", async () => {
    const letter = await createLetter();
    const { id } = await register(letter, { events: ["signature.confirmed", "signature.withdrawn"] });
    const listed = individual({ name: `Listed ${unique()}` });
    const unlisted = individual({ name: `Unlisted ${unique()}`, listPublicly: false });
    await signAndConfirm(letter, listed);
    await signAndConfirm(letter, unlisted);
    await withdrawSignature({ token: await withdrawalLink(letter, listed.email), how: "link" });
    await withdrawSignature({ token: await withdrawalLink(letter, unlisted.email), how: "link" });
    // The unlisted signer's confirmation named no one, so it stays, and the receiver's sums still add up.
    expect((await deliveries(id)).map((d) => d.event)).toEqual(["signature.confirmed", "signature.withdrawn", "signature.withdrawn"]);
    await processWebhooks({ env: open });
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received.some((r) => r.body.includes(listed.name))).toBe(false);
  });
});

describe("retries", () => {
  it("tries an endpoint answering 500 again later, under the same webhook-id, until it answers 200; the log keeps the 500s", async () => {
    const letter = await createLetter();
    const { id } = await register(letter);
    await signAndConfirm(letter, individual());
    receiver.answer([500, 500]);
    const time = clock();

    expect(await processWebhooks({ env: open, now: time.now })).toBe(1);
    let [delivery] = await deliveries(id);
    expect(delivery).toMatchObject({ status: "pending", lastStatus: 500, attempts: 1 });
    expect(delivery.nextAttemptAt.getTime()).toBeGreaterThan(time.now().getTime());
    // Not due yet: nothing is sent.
    expect(await processWebhooks({ env: open, now: time.now })).toBe(0);

    for (let pass = 0; pass < 2; pass++) {
      time.set((await deliveries(id))[0].nextAttemptAt);
      expect(await processWebhooks({ env: open, now: time.now })).toBe(1);
    }
    [delivery] = await deliveries(id);
    expect(delivery).toMatchObject({ status: "delivered", lastStatus: 200, attempts: 3, lastError: null });
    const log = await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { at: "asc" } });
    expect(log.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([`msg_${delivery.id}`]));
    // Each try later than the one before (a doubling backoff).
    const gaps = log.slice(1).map((a, i) => a.at.getTime() - log[i].at.getTime());
    expect(gaps[1]).toBeGreaterThan(gaps[0]);
  });

  it("sends each delivery once when several workers run at the same time", async () => {
    const letter = await createLetter();
    await register(letter, { events: ["signature.confirmed"] });
    await Promise.all(Array.from({ length: 8 }, () => signAndConfirm(letter, individual())));
    const handled = await Promise.all([processWebhooks({ env: open }), processWebhooks({ env: open }), processWebhooks({ env: open })]);
    expect(handled.reduce((a, b) => a + b, 0)).toBe(8);
    const ids = receiver.received.map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
  });

  it("waits as long as a 429's Retry-After asks, within the hour", async () => {
    const letter = await createLetter();
    const { id } = await register(letter);
    await signAndConfirm(letter, individual());
    receiver.answer([429], "600");
    const time = clock();
    await processWebhooks({ env: open, now: time.now });
    const [delivery] = await deliveries(id);
    expect(delivery.lastStatus).toBe(429);
    expect(delivery.nextAttemptAt.getTime() - time.now().getTime()).toBeGreaterThanOrEqual(600_000);
  });

  it("gives up after a day, turns a silent endpoint off once, emails every admin, and queues nothing more for it", async () => {
    const letter = await createLetter();
    const { id } = await register(letter);
    await signAndConfirm(letter, individual());
    receiver.answer(Array(100).fill(500));
    const time = clock();
    const start = time.now().getTime();
    for (let pass = 0; pass < 100; pass++) {
      await processWebhooks({ env: open, now: time.now });
      const [delivery] = await deliveries(id);
      if (delivery.status === "failed") break;
      time.set(delivery.nextAttemptAt);
    }
    const [delivery] = await deliveries(id);
    expect(delivery.status).toBe("failed");
    expect(time.now().getTime() - start).toBeGreaterThan(23 * 60 * 60 * 1000);
    expect(time.now().getTime() - start).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
    expect(delivery.attempts).toBeGreaterThan(15);

    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(endpoint).toMatchObject({ enabled: false, consecutiveFailures: 1 });
    expect(endpoint.disabledReason).toMatch(/HTTP 500/);
    const mail = await db.outboxEmail.findMany({ where: { template: "webhook-disabled" } });
    expect(mail.map((m) => m.to)).toContain(admin.email);
    expect(mail.map((m) => m.to)).not.toContain(moderator.email);
    expect(mail[0].text).toContain(receiver.url);
    expect(await db.auditLog.count({ where: { action: "webhook.disable", targetId: id } })).toBe(1);

    await signAndConfirm(letter, individual());
    expect(await deliveries(id)).toHaveLength(1);
  });

  it("sends a failed delivery again when an admin asks, under the same webhook-id", async () => {
    const letter = await createLetter();
    const { id } = await register(letter);
    await signAndConfirm(letter, individual());
    receiver.answer([500]);
    await processWebhooks({ env: open });
    const [delivery] = await deliveries(id);
    // As a day of failures leaves it.
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "failed" } });

    expect(await sendWebhookAgain({ actor: admin, id: delivery.id })).toBe("queued");
    expect(await sendWebhookAgain({ actor: admin, id: delivery.id })).toBe("not_failed");
    await processWebhooks({ env: open });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "delivered", lastStatus: 200 });
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([`msg_${delivery.id}`, `msg_${delivery.id}`]);
    expect(receiver.received[1].body).toBe(receiver.received[0].body);
    expect(await db.auditLog.count({ where: { action: "webhook.send_again", targetId: id } })).toBe(1);
    await expect(sendWebhookAgain({ actor: moderator, id: delivery.id })).rejects.toMatchObject({ status: 403 });
  });

  it("resumes a turned-off endpoint's waiting deliveries once it is turned back on", async () => {
    const letter = await createLetter();
    const { id } = await register(letter);
    await signAndConfirm(letter, individual());
    const input = { id, letterId: letter.id, events: ALL_EVENTS, personalData: false, description: "" };
    await updateWebhookEndpoint({ actor: admin, input: { ...input, enabled: false } });
    expect(await processWebhooks({ env: open })).toBe(0);
    await updateWebhookEndpoint({ actor: admin, input: { ...input, enabled: true } });
    expect(await processWebhooks({ env: open })).toBe(1);
    expect(receiver.received).toHaveLength(1);
  });
});

describe("a secret that cannot be opened", () => {
  it("is a failed try with a reason the admin can act on, not a worker stuck on the same rows", async () => {
    const letter = await createLetter();
    const { id } = await register(letter, { events: ["signature.confirmed"] });
    // As after the operator changed AUTH_SECRET: the stored secret was sealed under another key.
    await db.webhookEndpoint.update({ where: { id }, data: { secretCipher: sealWebhookSecret("whsec_old", "another-secret-another-secret-another-1") } });
    await signAndConfirm(letter, individual());
    expect(await processWebhooks({ env: open })).toBe(1);
    expect(receiver.received).toHaveLength(0);
    const [delivery] = await deliveries(id);
    expect(delivery).toMatchObject({ status: "pending", lastStatus: null, lastError: expect.stringMatching(/^Not sent: the signing secret cannot be read/) });
    expect(await db.webhookAttempt.count({ where: { deliveryId: delivery.id } })).toBe(1);
  });
});

describe("retention", () => {
  it("deletes delivered webhooks after a week, failed ones (and ones left waiting by an endpoint turned off) after a month, with their tries", async () => {
    const letter = await createLetter();
    const { id } = await register(letter);
    const DAY = 24 * 60 * 60 * 1000;
    const ago = (days: number) => new Date(Date.now() - days * DAY);
    const make = (status: string, at: Date) =>
      db.webhookDelivery.create({
        data: { endpointId: id, event: "signature.confirmed", payload: "{}", status, createdAt: at, retryUntil: at, deliveredAt: status === "delivered" ? at : null,
          log: { create: { at, statusCode: status === "delivered" ? 200 : 500, durationMs: 5 } } },
      });
    const gone = [await make("delivered", ago(8)), await make("failed", ago(31)), await make("pending", ago(31))];
    const kept = [await make("delivered", ago(6)), await make("failed", ago(29)), await make("pending", ago(29))];
    const counts = await runRetention();
    expect(counts.webhookDeliveries).toBe(3);
    expect((await deliveries(id)).map((d) => d.id).sort()).toEqual(kept.map((d) => d.id).sort());
    expect(await db.webhookAttempt.count({ where: { deliveryId: { in: gone.map((d) => d.id) } } })).toBe(0);
  });
});

describe("no server-side request forgery", () => {
  const refused = [
    "https://127.0.0.1/hooks",
    "https://localhost/hooks",
    "https://[::1]/hooks",
    "https://[::ffff:127.0.0.1]/hooks",
    "https://10.0.0.1/hooks",
    "https://192.168.1.20/hooks",
    "https://169.254.169.254/latest/meta-data",
    "https://0x7f000001/hooks",
    "https://2130706433/hooks",
    "https://100.64.0.1/hooks",
    "https://[fc00::1]/hooks",
    "https://[fe80::1]/hooks",
    "https://0.0.0.0/hooks",
    "https://224.0.0.1/hooks",
  ];
  const create = (url: string, env: Env, lookup?: Lookup) =>
    createWebhookEndpoint({ actor: admin, input: { url, letterId: null, events: ["signature.confirmed"], personalData: false, description: "" }, env, lookup });

  it.each(refused)("refuses to register %s without the operator setting", async (url) => {
    expect(await refusal(create(url, strict))).toMatch(/webhooks only go to public addresses/);
    expect(await db.webhookEndpoint.count()).toBe(0);
  });

  it("refuses a name that resolves to loopback (even beside a public address), plain http: and credentials", async () => {
    const rebinding: Lookup = async () => [{ address: "93.184.215.14", family: 4 }, { address: "127.0.0.1", family: 4 }];
    expect(await refusal(create("https://hooks.example.test/in", strict, rebinding))).toBe(
      "hooks.example.test resolves to 127.0.0.1, which is a loopback address (this machine): webhooks only go to public addresses.",
    );
    expect(await refusal(create("http://hooks.example.test/in", strict))).toBe("Webhooks go to https: URLs only.");
    expect(await refusal(create("https://user:pw@hooks.example.test/in", strict))).toMatch(/user name and password/);
    // A public address is fine (nothing is called when registering).
    const publicOnly: Lookup = async () => [{ address: "93.184.215.14", family: 4 }, { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 }];
    await expect(create("https://hooks.example.test/in", strict, publicOnly)).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("checks again at every delivery: a local endpoint, or a name that now resolves to loopback, is not called", async () => {
    const letter = await createLetter();
    const local = await register(letter, { events: ["signature.confirmed"] });
    const rebinding = await createWebhookEndpoint({
      actor: admin,
      input: { url: "https://hooks.example.test/in", letterId: letter.id, events: ["signature.confirmed"], personalData: false, description: "" },
      env: strict,
      lookup: async () => [{ address: "93.184.215.14", family: 4 }],
    });
    const loopback = await register(letter, { events: ["signature.confirmed"], url: "https://127.0.0.1:9/hooks" });
    await signAndConfirm(letter, individual());
    // Without the setting, and the name now answering 127.0.0.1.
    expect(await processWebhooks({ env: strict, lookup: async () => [{ address: "127.0.0.1", family: 4 }] })).toBe(3);
    expect(receiver.received).toHaveLength(0);
    const [toLocal] = await deliveries(local.id);
    expect(toLocal).toMatchObject({ status: "pending", lastStatus: null, lastError: "Not sent: Webhooks go to https: URLs only." });
    const [toLoopback] = await deliveries(loopback.id);
    expect(toLoopback.lastError).toBe("Not sent: 127.0.0.1 is a loopback address (this machine): webhooks only go to public addresses.");
    const [toName] = await deliveries(rebinding.id);
    expect(toName.lastError).toMatch(/^Not sent: hooks\.example\.test resolves to 127\.0\.0\.1/);
    expect(await db.webhookAttempt.count({ where: { deliveryId: toLoopback.id, error: { startsWith: "Not sent" } } })).toBe(1);
  });
});

describe("the connection", () => {
  it("goes to the address that was checked, whatever the name would resolve to now", async () => {
    const port = new URL(receiver.url).port;
    // hooks.example.test resolves to nothing at all here: only the pinned address can be reached.
    const result = await postWebhook(
      { url: new URL(`http://hooks.example.test:${port}/pinned`), address: "127.0.0.1", family: 4 },
      { headers: { "content-type": "application/json" }, body: "{}" },
    );
    expect(result).toMatchObject({ statusCode: 200, error: null });
    expect(receiver.received[0].headers.host).toBe(`hooks.example.test:${port}`);
  });

  it("does not follow a redirect: a 3xx is a failed try", async () => {
    const letter = await createLetter();
    const { id } = await register(letter);
    await signAndConfirm(letter, individual());
    receiver.answer([302]);
    await processWebhooks({ env: open });
    expect(receiver.received).toHaveLength(1);
    expect((await deliveries(id))[0]).toMatchObject({ status: "pending", lastStatus: 302, lastError: "HTTP 302" });
  });
});

describe("who may manage webhooks", () => {
  it("refuses a moderator: nothing is registered, changed or deleted", async () => {
    const error = await createWebhookEndpoint({
      actor: moderator,
      input: { url: receiver.url, letterId: null, events: ["signature.confirmed"], personalData: false, description: "" },
      env: open,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(403);
    expect(await db.webhookEndpoint.count()).toBe(0);
    const { id } = await register(null);
    await expect(updateWebhookEndpoint({ actor: moderator, input: { id, letterId: null, events: ALL_EVENTS, personalData: true, enabled: true, description: "" } }))
      .rejects.toMatchObject({ status: 403 });
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).personalData).toBe(false);
  });
});
