import english from "@/messages/en.json";
import frenchMessages from "@/messages/fr.json";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startResendStandIn, type StandIn } from "@/e2e/resend-stand-in";
import { configureDatabase, db } from "@/lib/db";
import { processOutbox } from "@/lib/email/outbox-worker";
import { REMOVED } from "@/lib/email/secret-links";
import { getEnv, type Env } from "@/lib/env";
import { eraseSignerData } from "@/lib/signer-rights/erase-signer-data";
import { withdrawSignature } from "@/lib/signer-rights/withdraw-signature";
import { signLetter } from "@/lib/signatures/sign-letter";
import { canonicalEmail } from "@/lib/signatures/canonical-email";
import { createToken } from "@/lib/signatures/tokens";
import { fillUpdateRecipients } from "@/lib/updates/fill-update-recipients";
import { findUnsubscribe } from "@/lib/updates/find-unsubscribe";
import { listLetterUpdates } from "@/lib/updates/list-letter-updates";
import { resumeUpdateSending } from "@/lib/updates/resume-update-sending";
import { saveLetterUpdate } from "@/lib/updates/save-letter-update";
import { sendLetterUpdate } from "@/lib/updates/send-letter-update";
import { sendTestUpdate } from "@/lib/updates/send-test-update";
import { unsubscribeFromUpdates } from "@/lib/updates/unsubscribe-from-updates";
import { limitMisses } from "@/lib/http/rate-limit";
import { createLetter, individual, latestConfirmToken, organization, signAndConfirm } from "../support/factories";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { moderateSignatures } from "@/lib/moderation/moderate-signatures";

// Updates to signers, end to end below the pages: consent on signing, an admin's update
// sent through the outbox and the real Resend SDK to a local stand-in, one-click
// unsubscribe, withdrawal and erasure, and who may send.

let standIn: StandIn;
let env: Env;
const admin = { id: "", email: "campaigner@letters.test", role: "admin" as const };
const moderator = { id: "", email: "moderator@letters.test", role: "moderator" as const };

beforeAll(async () => {
  await configureDatabase();
  standIn = await startResendStandIn({ apiKey: "re_test" });
  env = { ...getEnv(), RESEND_API_KEY: "re_test", RESEND_BASE_URL: standIn.url };
  admin.id = (await db.user.create({ data: { email: admin.email, role: "admin" } })).id;
  moderator.id = (await db.user.create({ data: { email: moderator.email, role: "moderator" } })).id;
});
afterAll(() => standIn?.close());
beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

/** Everything due in the outbox handed to the stand-in. */
const deliverAll = () => processOutbox(env);
const receivedBy = (to: string) => standIn.emails.filter((email) => email.to.includes(to));
const updateMailTo = (to: string, subject: string) => receivedBy(to).filter((email) => email.subject === subject);
const tokenIn = (text: string) => /\/unsubscribe\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

/** Sends the update and waits until its recipients are all queued (sending starts that in the background). */
async function sendAndQueue(letter: { slug: string }, id: string) {
  await sendLetterUpdate({ actor: admin, slug: letter.slug, id });
  await vi.waitFor(async () => expect((await db.letterUpdate.findUniqueOrThrow({ where: { id } })).status).toBe("sent"));
}

async function writeAndSend(letter: { slug: string }, subject: string, body = "We handed the letter to the Council today.") {
  const { id } = await saveLetterUpdate({ actor: admin, slug: letter.slug, input: { subject, body } });
  await sendAndQueue(letter, id);
  await deliverAll();
  return id;
}

const figuresOf = async (letterId: string, id: string) => (await listLetterUpdates({ letterId })).find((u) => u.id === id)!.figures;

describe("updates to signers", () => {
  it("keeps the consent with its time and the words the signer saw in their language, and none when the box was not ticked", async () => {
    const letter = await createLetter();
    const yes = individual({ updates: true });
    const no = individual();
    await signAndConfirm(letter, yes);
    await signAndConfirm(letter, no);
    const french = individual({ updates: true });
    await signLetter({ slug: letter.slug, input: french, language: "fr" });
    await confirmSignature({ token: await latestConfirmToken(french.email) });
    const row = (email: string) => db.signature.findFirstOrThrow({ where: { letterId: letter.id, emailCanonical: canonicalEmail(email).canonical } });
    expect(await row(yes.email)).toMatchObject({ updatesConsentWording: `Tell me about this letter's progress\n${english.signForm.updatesHint}`, updatesEndedAt: null });
    expect((await row(yes.email)).updatesConsentAt).toBeInstanceOf(Date);
    expect(await row(no.email)).toMatchObject({ updatesConsentAt: null, updatesConsentWording: null });
    expect((await row(french.email)).updatesConsentWording).toBe(`Tenez-moi informé de l’avancée de cette lettre\n${frenchMessages.signForm.updatesHint}`);
  });

  it("a repeat signing after confirming neither adds a consent nor drops one", async () => {
    const letter = await createLetter();
    const yes = individual({ updates: true });
    const no = individual();
    await signAndConfirm(letter, yes);
    await signAndConfirm(letter, no);
    await signLetter({ slug: letter.slug, input: { ...yes, updates: false } });
    await signLetter({ slug: letter.slug, input: { ...no, updates: true } });
    const consent = async (email: string) =>
      (await db.signature.findFirstOrThrow({ where: { letterId: letter.id, emailCanonical: canonicalEmail(email).canonical } })).updatesConsentAt;
    expect(await consent(yes.email)).not.toBeNull();
    expect(await consent(no.email)).toBeNull();
  });

  it("sends an update to the three confirmed signers who opted in, not to one who did not nor to an unconfirmed one, with both List-Unsubscribe headers", async () => {
    const letter = await createLetter();
    const optedIn = [individual({ updates: true }), individual({ updates: true }), organization({ updates: true })];
    for (const signer of optedIn) await signAndConfirm(letter, signer);
    const notOptedIn = individual();
    await signAndConfirm(letter, notOptedIn);
    const unconfirmed = individual({ updates: true });
    await signLetter({ slug: letter.slug, input: unconfirmed });

    const subject = `Delivered to the Council ${letter.slug}`;
    const id = await writeAndSend(letter, subject, "We handed it over **today**.\n\n<script>alert(1)</script><img src=https://tracker.example/p.gif>");

    for (const signer of optedIn) {
      const mail = updateMailTo(signer.email, subject);
      expect(mail).toHaveLength(1);
      const token = tokenIn(mail[0].text);
      expect(token).toBeDefined();
      expect(mail[0].headers["List-Unsubscribe"]).toBe(`<http://letters.test/unsubscribe/${token}>`);
      expect(mail[0].headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(mail[0].html).toContain("<strong>today</strong>");
      expect(mail[0].html).not.toContain("<script");
      expect(mail[0].html).not.toContain("tracker.example");
    }
    expect(updateMailTo(notOptedIn.email, subject)).toEqual([]);
    expect(updateMailTo(unconfirmed.email, subject)).toEqual([]);
    expect(await figuresOf(letter.id, id)).toEqual({ recipients: 3, queued: 0, sent: 3, failed: 0, unsubscribed: 0, dropped: 0 });
    expect((await db.letterUpdate.findUniqueOrThrow({ where: { id } })).status).toBe("sent");
    // Delivered, the unsubscribe link is no longer readable in the outbox, body or headers.
    const kept = await db.outboxEmail.findMany({ where: { template: "letter-update", signatureId: { not: null }, subject } });
    expect(kept).toHaveLength(3);
    for (const row of kept) {
      expect(row.text).toContain(`/unsubscribe/${REMOVED}`);
      expect(row.headers).toContain(`/unsubscribe/${REMOVED}`);
      expect(row.text).not.toMatch(/\/unsubscribe\/[A-Za-z0-9_-]{43}/);
    }
  });

  it("resumes after a stop in the middle and sends each person the update exactly once", async () => {
    const letter = await createLetter();
    const signers = Array.from({ length: 5 }, () => individual({ updates: true }));
    for (const signer of signers) await signAndConfirm(letter, signer);
    const subject = `Resumed ${letter.slug}`;
    const { id } = await saveLetterUpdate({ actor: admin, slug: letter.slug, input: { subject, body: "News." } });
    // Queued in full, then rewound to a crash after the first chunk of two.
    await sendAndQueue(letter, id);
    await db.outboxEmail.deleteMany({ where: { subject } });
    await db.updateRecipient.deleteMany({ where: { updateId: id } });
    await db.letterUpdate.update({ where: { id }, data: { status: "sending", queuedAt: null } });

    expect(await fillUpdateRecipients({ updateId: id, chunkSize: 2, maxChunks: 1 })).toEqual({ queued: 2, done: false });
    await deliverAll();
    expect(await db.updateRecipient.count({ where: { updateId: id } })).toBe(2);
    // The app starts again: the worker's look picks the update up where it stopped.
    await resumeUpdateSending();
    await deliverAll();
    await resumeUpdateSending();
    for (const signer of signers) expect(updateMailTo(signer.email, subject)).toHaveLength(1);
    expect(await figuresOf(letter.id, id)).toMatchObject({ recipients: 5, sent: 5, queued: 0 });
  });

  it("one POST to the link unsubscribes: the next update skips them, the figures say so; opening the link changes nothing; an unknown link is 404", async () => {
    const letter = await createLetter();
    const stays = individual({ updates: true });
    const leaves = individual({ updates: true });
    await signAndConfirm(letter, stays);
    await signAndConfirm(letter, leaves);
    const first = await writeAndSend(letter, `First ${letter.slug}`);
    const token = tokenIn(updateMailTo(leaves.email, `First ${letter.slug}`)[0].text)!;

    // A GET (a link scanner) only reads.
    expect(await findUnsubscribe({ token })).toMatchObject({ state: "subscribed", letter: { slug: letter.slug } });
    const { POST } = await import("@/app/api/unsubscribe/[token]/route");

    const oneClick = await POST(
      new Request(`http://letters.test/api/unsubscribe/${token}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      { params: Promise.resolve({ token }) },
    );
    expect(oneClick.status).toBe(200);
    expect(await findUnsubscribe({ token })).toMatchObject({ state: "ended" });
    expect(await figuresOf(letter.id, first)).toMatchObject({ recipients: 2, sent: 2, unsubscribed: 1 });

    await writeAndSend(letter, `Second ${letter.slug}`);
    expect(updateMailTo(stays.email, `Second ${letter.slug}`)).toHaveLength(1);
    expect(updateMailTo(leaves.email, `Second ${letter.slug}`)).toEqual([]);

    const unknown = createToken().token;
    await expect(findUnsubscribe({ token: unknown })).rejects.toMatchObject({ status: 404 });
    const answer = await POST(new Request(`http://letters.test/api/unsubscribe/${unknown}`, { method: "POST", body: "List-Unsubscribe=One-Click" }), {
      params: Promise.resolve({ token: unknown }),
    });
    expect(answer.status).toBe(404);
    // It says what kind of link it was: a reader who asked to stop updates is not told about confirmations.
    expect(await answer.json()).toEqual({ error: { code: "unsubscribe_not_found", message: "This unsubscribe link is not valid. It may have been copied incompletely." } });
  });

  it("a mail provider posting many real one-click unsubscribes from one address is never refused", { timeout: 90_000 }, async () => {
    const letter = await createLetter();
    const signer = individual({ updates: true });
    await signAndConfirm(letter, signer);
    await writeAndSend(letter, `Many ${letter.slug}`);
    const token = tokenIn(updateMailTo(signer.email, `Many ${letter.slug}`)[0].text)!;
    const { POST } = await import("@/app/api/unsubscribe/[token]/route");
    const oneClick = () =>
      POST(
        new Request(`http://letters.test/api/unsubscribe/${token}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "List-Unsubscribe=One-Click",
        }),
        { params: Promise.resolve({ token }) },
      );
    // One link again and again stands in for many people's: past the 300 misses a client may make.
    for (let i = 0; i < 301; i++) expect((await oneClick()).status).toBe(200);
  });

  it("a client guessing unsubscribe links is held back by its misses, and then waits even with a real one", async () => {
    const letter = await createLetter();
    const signer = individual({ updates: true });
    await signAndConfirm(letter, signer);
    await writeAndSend(letter, `Guessed ${letter.slug}`);
    const token = tokenIn(updateMailTo(signer.email, `Guessed ${letter.slug}`)[0].text)!;
    const limit = { points: 3, durationS: 60 };
    const client = `guesser-${letter.slug}`;
    const attempt = (link: string) =>
      limitMisses("unsubscribe-test", client, limit, () => unsubscribeFromUpdates({ token: link }), (error) => (error as { status?: number }).status === 404);
    for (let i = 0; i < 5; i++) await attempt(token); // hits cost nothing
    for (let i = 0; i < 3; i++) await expect(attempt(createToken().token)).rejects.toMatchObject({ status: 404 });
    await expect(attempt(createToken().token)).rejects.toMatchObject({ code: "rate_limited", status: 429 });
    await expect(attempt(token)).rejects.toMatchObject({ code: "rate_limited", status: 429 });
  });

  it("unsubscribing drops that person's queued update messages before they go", async () => {
    const letter = await createLetter();
    const signer = individual({ updates: true });
    await signAndConfirm(letter, signer);
    const first = await writeAndSend(letter, `Before ${letter.slug}`);
    const token = tokenIn(updateMailTo(signer.email, `Before ${letter.slug}`)[0].text)!;
    const { id } = await saveLetterUpdate({ actor: admin, slug: letter.slug, input: { subject: `Queued ${letter.slug}`, body: "More news." } });
    await sendAndQueue(letter, id);
    expect(await db.outboxEmail.count({ where: { subject: `Queued ${letter.slug}`, status: "pending" } })).toBe(1);

    await unsubscribeFromUpdates({ token });
    await deliverAll();
    expect(updateMailTo(signer.email, `Queued ${letter.slug}`)).toEqual([]);
    expect(await figuresOf(letter.id, id)).toMatchObject({ recipients: 1, dropped: 1, sent: 0, queued: 0 });
    expect(await figuresOf(letter.id, first)).toMatchObject({ unsubscribed: 1 });
  });

  it("withdrawing a signature or erasing the signer's data ends their updates and drops the queued ones", async () => {
    const letter = await createLetter();
    const withdraws = individual({ updates: true });
    const erases = individual({ updates: true });
    const stays = individual({ updates: true });
    for (const signer of [withdraws, erases, stays]) await signAndConfirm(letter, signer);
    const { id } = await saveLetterUpdate({ actor: admin, slug: letter.slug, input: { subject: `Queued ${letter.slug}`, body: "News." } });
    await sendAndQueue(letter, id);

    const withdrawalMail = await db.outboxEmail.findFirstOrThrow({ where: { to: withdraws.email, template: "signature-confirm" } });
    const withdrawToken = /\/withdraw\/([A-Za-z0-9_-]{43})/.exec(withdrawalMail.text)![1];
    await withdrawSignature({ token: withdrawToken, how: "link" });
    await eraseSignerData({ emailCanonical: canonicalEmail(erases.email).canonical, actor: "operator" });
    await deliverAll();

    expect(updateMailTo(withdraws.email, `Queued ${letter.slug}`)).toEqual([]);
    expect(updateMailTo(erases.email, `Queued ${letter.slug}`)).toEqual([]);
    expect(updateMailTo(stays.email, `Queued ${letter.slug}`)).toHaveLength(1);
    expect(await figuresOf(letter.id, id)).toMatchObject({ recipients: 3, sent: 1, dropped: 2 });
    // No row names them any more: their recipient rows lost the signature with it.
    expect(await db.updateRecipient.count({ where: { updateId: id, signatureId: null } })).toBe(2);

    // A later update does not reach them either.
    await writeAndSend(letter, `Later ${letter.slug}`);
    expect(updateMailTo(withdraws.email, `Later ${letter.slug}`)).toEqual([]);
    expect(updateMailTo(erases.email, `Later ${letter.slug}`)).toEqual([]);
  });

  it("a signature a moderator hides, rejects or marks as fraud loses the update queued for it; one restored gets the next", async () => {
    const letter = await createLetter();
    const hidden = individual({ updates: true });
    const fraud = individual({ updates: true });
    const rejected = organization({ updates: true });
    const stays = individual({ updates: true });
    for (const signer of [hidden, fraud, rejected, stays]) await signAndConfirm(letter, signer);
    const idOf = async (email: string) => (await db.signature.findFirstOrThrow({ where: { letterId: letter.id, email } })).id;
    const { id } = await saveLetterUpdate({ actor: admin, slug: letter.slug, input: { subject: `Queued ${letter.slug}`, body: "News." } });
    await sendAndQueue(letter, id);

    await moderateSignatures({ actor: moderator, ids: [await idOf(hidden.email)], action: "hide", reason: "Spam" });
    await moderateSignatures({ actor: moderator, ids: [await idOf(fraud.email)], action: "fraud", reason: "A script" });
    expect((await db.signature.findFirstOrThrow({ where: { email: rejected.email } })).status).toBe("awaiting_review");
    await moderateSignatures({ actor: moderator, ids: [await idOf(rejected.email)], action: "reject", reason: "Not an organisation" });
    await deliverAll();
    for (const signer of [hidden, fraud, rejected]) expect(updateMailTo(signer.email, `Queued ${letter.slug}`)).toEqual([]);
    expect(updateMailTo(stays.email, `Queued ${letter.slug}`)).toHaveLength(1);
    expect(await figuresOf(letter.id, id)).toMatchObject({ recipients: 4, sent: 1, dropped: 3, queued: 0 });

    await moderateSignatures({ actor: moderator, ids: [await idOf(hidden.email)], action: "restore" });
    await writeAndSend(letter, `Later ${letter.slug}`);
    expect(updateMailTo(hidden.email, `Later ${letter.slug}`)).toHaveLength(1);
    expect(updateMailTo(fraud.email, `Later ${letter.slug}`)).toEqual([]);
  });

  it("a moderator can neither save, test nor send an update; an admin's every step is in the audit log; a sent update is read-only", async () => {
    const letter = await createLetter();
    await signAndConfirm(letter, individual({ updates: true }));
    const input = { subject: `Audited ${letter.slug}`, body: "News." };
    await expect(saveLetterUpdate({ actor: moderator, slug: letter.slug, input })).rejects.toMatchObject({ code: "forbidden", status: 403 });
    const { id } = await saveLetterUpdate({ actor: admin, slug: letter.slug, input });
    await expect(sendTestUpdate({ actor: moderator, slug: letter.slug, id })).rejects.toMatchObject({ code: "forbidden", status: 403 });
    await expect(sendLetterUpdate({ actor: moderator, slug: letter.slug, id })).rejects.toMatchObject({ code: "forbidden", status: 403 });
    expect((await db.letterUpdate.findUniqueOrThrow({ where: { id } })).status).toBe("draft");

    await sendTestUpdate({ actor: admin, slug: letter.slug, id });
    await deliverAll();
    const test = receivedBy(admin.email).filter((email) => email.subject === `[Test] ${input.subject}`);
    expect(test).toHaveLength(1);
    expect(test[0].text).toContain("Test: only you received this message.");

    await sendAndQueue(letter, id);
    await expect(sendLetterUpdate({ actor: admin, slug: letter.slug, id })).rejects.toMatchObject({ code: "update_sent" });
    await expect(saveLetterUpdate({ actor: admin, slug: letter.slug, id, input })).rejects.toMatchObject({ code: "update_sent" });

    const audit = await db.auditLog.findMany({ where: { letterId: letter.id, action: { startsWith: "update." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.actorEmail])).toEqual([
      ["update.save", admin.email],
      ["update.test_send", admin.email],
      ["update.send", admin.email],
    ]);
    expect(JSON.parse(audit[2].detail)).toMatchObject({ updateId: id, eligible: 1 });
  });
});
