import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { canonicalEmail } from "@/lib/signatures/canonical-email";
import { withdrawSignature } from "@/lib/signer-rights/withdraw-signature";
import { listLetterUpdates } from "@/lib/updates/list-letter-updates";
import { saveLetterUpdate } from "@/lib/updates/save-letter-update";
import { sendLetterUpdate } from "@/lib/updates/send-letter-update";
import { unsubscribeFromUpdates } from "@/lib/updates/unsubscribe-from-updates";
import { createLetter, individual, signAndConfirm } from "../support/factories";

// Queueing an update renders each chunk's messages before it writes them, and rendering
// takes a while: a signer may stop the updates, or withdraw, in between. Their stop drops
// only what is queued by then, so what is written after it must leave them out. The
// rendering is wrapped to stop someone at that moment; the data is a real database's.

const during = vi.hoisted(() => ({ render: null as null | (() => Promise<void>) }));
vi.mock("@/lib/updates/render-update-email", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/updates/render-update-email")>();
  return {
    ...real,
    renderUpdateEmail: async (options: Parameters<typeof real.renderUpdateEmail>[0]) => {
      const step = during.render;
      during.render = null;
      if (step) await step();
      return real.renderUpdateEmail(options);
    },
  };
});

const admin = { id: "", email: "queue-admin@letters.test", role: "admin" as const };

beforeAll(async () => {
  await configureDatabase();
  admin.id = (await db.user.create({ data: { email: admin.email, role: "admin" } })).id;
});
beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

async function sendAndQueue(letter: { slug: string }, subject: string) {
  const { id } = await saveLetterUpdate({ actor: admin, slug: letter.slug, input: { subject, body: "News." } });
  await sendLetterUpdate({ actor: admin, slug: letter.slug, id });
  await vi.waitFor(async () => expect((await db.letterUpdate.findUniqueOrThrow({ where: { id } })).status).toBe("sent"), { timeout: 5_000 });
  return id;
}

const queuedTo = (email: string, subject: string) => db.outboxEmail.count({ where: { to: email, subject, template: "letter-update" } });
const signatureOf = (letter: { id: string }, email: string) =>
  db.signature.findFirstOrThrow({ where: { letterId: letter.id, emailCanonical: canonicalEmail(email).canonical } });

describe("an update being queued", () => {
  it("leaves out a signer who stopped the updates while their message was being written", async () => {
    const letter = await createLetter();
    const stays = individual({ updates: true });
    const leaves = individual({ updates: true });
    await signAndConfirm(letter, stays);
    await signAndConfirm(letter, leaves);
    await sendAndQueue(letter, `First ${letter.slug}`);
    const first = await db.outboxEmail.findFirstOrThrow({ where: { to: leaves.email, subject: `First ${letter.slug}` } });
    const token = /\/unsubscribe\/([A-Za-z0-9_-]{43})/.exec(first.text)![1];

    during.render = () => unsubscribeFromUpdates({ token });
    const second = `Second ${letter.slug}`;
    const id = await sendAndQueue(letter, second);
    expect(during.render).toBeNull(); // it ran
    expect((await signatureOf(letter, leaves.email)).updatesEndedAt).not.toBeNull();
    expect(await queuedTo(leaves.email, second)).toBe(0);
    expect(await queuedTo(stays.email, second)).toBe(1);
    expect((await listLetterUpdates({ letterId: letter.id })).find((u) => u.id === id)!.figures).toMatchObject({ recipients: 1, queued: 1 });
  });

  it("leaves out a signer who withdrew while their message was being written, and still queues the others", async () => {
    const letter = await createLetter();
    const stays = individual({ updates: true });
    const withdraws = individual({ updates: true });
    await signAndConfirm(letter, stays);
    await signAndConfirm(letter, withdraws);
    const confirmMail = await db.outboxEmail.findFirstOrThrow({ where: { to: withdraws.email, template: "signature-confirm" } });
    const withdrawToken = /\/withdraw\/([A-Za-z0-9_-]{43})/.exec(confirmMail.text)![1];

    during.render = async () => {
      await withdrawSignature({ token: withdrawToken, how: "link" });
    };
    const subject = `After a withdrawal ${letter.slug}`;
    const id = await sendAndQueue(letter, subject);
    expect(during.render).toBeNull();
    expect(await queuedTo(withdraws.email, subject)).toBe(0);
    expect(await queuedTo(stays.email, subject)).toBe(1);
    expect(await db.updateRecipient.count({ where: { updateId: id } })).toBe(1);
  });
});
