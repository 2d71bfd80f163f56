import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { signLetter } from "@/lib/signatures/sign-letter";
import { writeBatch, type NewSignature } from "@/lib/signatures/signing-batch";
import { canonicalEmail } from "@/lib/signatures/canonical-email";
import { countsOf, createLetter, individual, latestConfirmToken } from "../support/factories";
import { confirmSignature } from "@/lib/signatures/confirm-signature";

// What signing leaves for the signer's rights and the defences: every email that
// answers a signing carries its own withdrawal link, every message knows its signature
// and its recipient's canonical address, and a signing the defences refuse is written
// as fraud with its reason, with no link and no email.

beforeAll(() => configureDatabase());

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/** The withdrawal token in a message, checked against the hashes stored for the signature. */
function withdrawToken(text: string): { token: string; notMe: string } {
  const links = [...text.matchAll(/http:\/\/letters\.test\/withdraw\/([A-Za-z0-9_-]{43})(\?reason=not-me)?/g)];
  const plain = links.find((m) => !m[2]);
  const notMe = links.find((m) => m[2]);
  return { token: plain?.[1] ?? "", notMe: notMe?.[1] ?? "" };
}

describe("signing: the links a signer receives", () => {
  it("puts a withdrawal link and a \"this was not me\" link in the confirmation email, each stored as a hash", async () => {
    const letter = await createLetter();
    const input = individual({ email: `Links.${crypto.randomUUID().slice(0, 6)}+x@Example.org` });
    await signLetter({ slug: letter.slug, input });

    const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id }, include: { withdrawals: true } });
    const [mail] = await db.outboxEmail.findMany({ where: { to: input.email } });
    const { token, notMe } = withdrawToken(mail.text);
    expect(token).not.toBe("");
    expect(notMe).toBe(token);
    expect(mail.html).toContain(`/withdraw/${token}?reason=not-me`);
    expect(signature.withdrawals.map((w) => w.tokenHash)).toEqual([sha256(token)]);
    expect(signature.withdrawals[0]).toMatchObject({ letterId: letter.id, withdrawnAt: null });
    expect(mail).toMatchObject({ signatureId: signature.id, toCanonical: canonicalEmail(input.email).canonical });
  });

  it("gives a repeat before confirming, and an \"already signed\" email after it, a fresh withdrawal link of their own", async () => {
    const letter = await createLetter();
    const input = individual();
    await signLetter({ slug: letter.slug, input });
    expect(await signLetter({ slug: letter.slug, input })).toBe("resent");
    await confirmSignature({ token: await latestConfirmToken(input.email) });
    expect(await signLetter({ slug: letter.slug, input })).toBe("already_signed");

    const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id }, include: { withdrawals: true } });
    const mails = await db.outboxEmail.findMany({ where: { to: input.email }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.template)).toEqual(["signature-confirm", "signature-confirm", "already-signed"]);
    const tokens = mails.map((m) => withdrawToken(m.text).token);
    expect(new Set(tokens).size).toBe(3);
    expect(signature.withdrawals.map((w) => w.tokenHash).sort()).toEqual(tokens.map(sha256).sort());
    expect(mails.every((m) => m.signatureId === signature.id)).toBe(true);
  });
});

describe("signing: a signing the defences refuse", () => {
  function refused(letterId: string): NewSignature {
    const email = `refused-${crypto.randomUUID().slice(0, 8)}@example.org`;
    return {
      letterId,
      emailCanonical: email,
      details: {
        kind: "individual", name: "Quietly Refused", email, emailDomain: "example.org", country: "DE", title: null,
        affiliation: null, organizationName: null, website: null, comment: null, listPublicly: true,
        consentAt: new Date(), ipHash: null,
      },
      confirmation: null,
      refusal: { flag: "honeypot", reason: "The hidden field was filled in." },
      floodExempt: false,
    };
  }

  it("is written as fraud with the rule's flag and reason, with no token, no withdrawal link and no email", async () => {
    const letter = await createLetter();
    const item = refused(letter.id);
    const now = new Date();
    expect(await db.$transaction((tx) => writeBatch(tx, [item], now))).toEqual(["created"]);
    const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id }, include: { tokens: true, withdrawals: true } });
    expect(signature).toMatchObject({ status: "fraud", flags: "honeypot", moderationReason: "The hidden field was filled in.", confirmedAt: null, countedAt: null });
    expect(signature.moderatedAt?.getTime()).toBe(now.getTime());
    expect(signature.tokens).toHaveLength(0);
    expect(signature.withdrawals).toHaveLength(0);
    expect(await db.outboxEmail.count({ where: { to: item.details.email } })).toBe(0);
    expect((await countsOf(letter)).total).toBe(0);
  });

  it("in a batch with ordinary signers, leaves their links and emails alone", async () => {
    const letter = await createLetter();
    const input = individual();
    const item = refused(letter.id);
    const [outcomes] = await Promise.all([db.$transaction((tx) => writeBatch(tx, [item], new Date())), signLetter({ slug: letter.slug, input })]);
    expect(outcomes).toEqual(["created"]);
    const mails = await db.outboxEmail.findMany({ where: { to: { in: [input.email, item.details.email] } } });
    expect(mails.map((m) => m.to)).toEqual([input.email]);
  });

  it("a repeat that fails a check too sends nothing and changes nothing", async () => {
    const letter = await createLetter();
    const item = refused(letter.id);
    await db.$transaction((tx) => writeBatch(tx, [item], new Date()));
    const input = individual({ email: item.details.email, name: "Another Try" });
    expect(await signLetter({ slug: letter.slug, input, checks: { honeypot: "filled" } })).toBe("refused");
    const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id } });
    expect(signature).toMatchObject({ status: "fraud", name: "Quietly Refused" });
    expect(await db.outboxEmail.count({ where: { to: input.email } })).toBe(0);
  });

  it("a repeat that passes the checks gets a link, and the details change only when it is confirmed", async () => {
    const letter = await createLetter();
    const item = refused(letter.id);
    await db.$transaction((tx) => writeBatch(tx, [item], new Date()));
    const input = individual({ email: item.details.email, name: "Another Try" });
    expect(await signLetter({ slug: letter.slug, input })).toBe("resent");
    const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id } });
    expect(signature).toMatchObject({ status: "unverified", flags: "", name: "Quietly Refused", moderationReason: null });
    expect(await db.outboxEmail.count({ where: { to: input.email } })).toBe(1);
  });
});

describe("signing: the allow list's exemption from the flood flag", () => {
  it("flags the sixth signature from one address, unless the address is in an allowed range", async () => {
    const letter = await createLetter();
    const item = (floodExempt: boolean): NewSignature => {
      const email = `office-${crypto.randomUUID().slice(0, 8)}@example.org`;
      return {
        letterId: letter.id,
        emailCanonical: email,
        details: {
          kind: "individual", name: "Office Signer", email, emailDomain: "example.org", country: "NL", title: null,
          affiliation: null, organizationName: null, website: null, comment: null, listPublicly: false,
          consentAt: new Date(), ipHash: "same-network-address",
        },
        confirmation: null,
        refusal: null,
        floodExempt,
      };
    };
    // Not a refusal, so the rows need their links; written straight in, links do not matter here.
    const write = (items: NewSignature[]) =>
      db.$transaction((tx) =>
        writeBatch(tx, items.map((i) => ({ ...i, confirmation: { tokenHash: crypto.randomUUID(), expiresAt: new Date(Date.now() + 1e6), withdrawTokenHash: crypto.randomUUID(), email: { template: "t", to: i.details.email, subject: "s", html: "h", text: "t" } } })), new Date()),
      );
    await write(Array.from({ length: 7 }, () => item(true)));
    expect(await db.signature.count({ where: { letterId: letter.id, flags: { contains: "many_from_one_address" } } })).toBe(0);
    await write([item(false)]);
    expect(await db.signature.count({ where: { letterId: letter.id, flags: { contains: "many_from_one_address" } } })).toBe(1);
  });
});
