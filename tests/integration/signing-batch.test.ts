import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { signLetter } from "@/lib/signatures/sign-letter";
import { addSignature, writeBatch, type NewSignature } from "@/lib/signatures/signing-batch";
import { createLetter, individual } from "../support/factories";

// Signatures that arrive together are written together: these tests sign many at once
// and check that each request still gets its own answer and its own rows.

beforeAll(() => configureDatabase());

function newSignature(letterId: string, overrides: Partial<NewSignature["details"]> = {}): NewSignature {
  const email = `batch-${crypto.randomUUID().slice(0, 8)}@example.org`;
  return {
    letterId,
    emailCanonical: email,
    details: {
      kind: "individual", name: "Batch Signer", email, emailDomain: "example.org", country: "FR", title: null,
      affiliation: null, organizationName: null, website: null, comment: null, listPublicly: true,
      consentAt: new Date(), ipHash: null, ...overrides,
    },
    confirmation: {
      tokenHash: crypto.randomUUID(),
      expiresAt: new Date(Date.now() + 86_400_000),
      withdrawTokenHash: crypto.randomUUID(),
      email: { template: "signature-confirm", to: email, subject: "Confirm", html: "<p>x</p>", text: "x" },
    },
    refusal: null,
    floodExempt: false,
  };
}

describe("signing in batches", () => {
  it("answers 60 signers at once, each with its own signature, token and email, in fewer writes than signers", async () => {
    const letter = await createLetter();
    const inputs = Array.from({ length: 60 }, (_, i) => individual({ name: `Signer ${i}` }));
    const outcomes = await Promise.all(inputs.map((input) => signLetter({ slug: letter.slug, input })));

    expect(outcomes).toEqual(inputs.map(() => "created"));
    const signatures = await db.signature.findMany({ where: { letterId: letter.id }, include: { tokens: true } });
    expect(signatures).toHaveLength(60);
    // A batch's rows share the moment it was written.
    const writes = new Set(signatures.map((s) => s.createdAt.getTime())).size;
    expect(writes).toBeLessThan(inputs.length / 2);
    for (const input of inputs) {
      const signature = signatures.find((s) => s.email === input.email)!;
      expect(signature.name).toBe(input.name);
      expect(signature.tokens).toHaveLength(1);
      const mails = await db.outboxEmail.findMany({ where: { to: input.email } });
      expect(mails).toHaveLength(1);
      expect(mails[0].text).toContain(`Hello ${input.name},`);
    }
  });

  it("flags the sixth and later signatures from one address within one batch", async () => {
    const letter = await createLetter();
    const inputs = Array.from({ length: 8 }, () => individual());
    await Promise.all(inputs.map((input) => signLetter({ slug: letter.slug, input, ip: "203.0.113.77" })));
    const flagged = await db.signature.count({ where: { letterId: letter.id, flags: "many_from_one_address" } });
    expect(flagged).toBe(3);
  });

  it("refuses the signatures of a letter paused since the request looked at it, and writes the others", async () => {
    const [open, paused] = [await createLetter(), await createLetter({ status: "paused" })];
    const organizationsOnly = await createLetter({ allowIndividuals: false });
    const items = [newSignature(open.id), newSignature(paused.id), newSignature(organizationsOnly.id), newSignature(open.id)];
    const outcomes = await db.$transaction((tx) => writeBatch(tx, items, new Date()));

    expect(outcomes[0]).toBe("created");
    expect(outcomes[1]).toBeInstanceOf(AppError);
    expect((outcomes[1] as AppError).status).toBe(409);
    expect((outcomes[2] as AppError).code).toBe("kind_not_allowed");
    expect(outcomes[3]).toBe("created");
    expect(await db.signature.count({ where: { letterId: { in: [paused.id, organizationsOnly.id] } } })).toBe(0);
    expect(await db.signature.count({ where: { letterId: open.id } })).toBe(2);
  });

  it("answers exists for an address already on the letter, or twice in one batch", async () => {
    const letter = await createLetter();
    const first = newSignature(letter.id);
    expect(await db.$transaction((tx) => writeBatch(tx, [first], new Date()))).toEqual(["created"]);
    const again = { ...newSignature(letter.id), emailCanonical: first.emailCanonical };
    const fresh = newSignature(letter.id);
    const twice = { ...newSignature(letter.id), emailCanonical: fresh.emailCanonical };
    const outcomes = await db.$transaction((tx) => writeBatch(tx, [again, fresh, twice], new Date()));
    expect(outcomes).toEqual(["exists", "created", "exists"]);
    expect(await db.confirmationToken.count({ where: { signature: { letterId: letter.id } } })).toBe(2);
    // Only the request that made a signature has its email queued.
    const queued = await db.outboxEmail.findMany({ where: { to: { in: [again, fresh, twice].map((s) => s.details.email) } } });
    expect(queued.map((mail) => mail.to)).toEqual([fresh.details.email]);
  });

  it("fails only the request whose row the database refuses", async () => {
    const letter = await createLetter();
    const good = Array.from({ length: 5 }, () => newSignature(letter.id));
    const bad = newSignature(letter.id, { name: null as unknown as string });
    const results = await Promise.allSettled([...good, bad].map((item) => addSignature(item)));
    expect(results.slice(0, 5).map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    expect(results[5].status).toBe("rejected");
    expect(await db.signature.count({ where: { letterId: letter.id } })).toBe(5);
  });
});
