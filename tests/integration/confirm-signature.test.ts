import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { rollUpCounts } from "@/lib/counts/roll-up-counts";
import { AppError } from "@/lib/http/app-error";
import { confirmSignature, findConfirmation } from "@/lib/signatures/confirm-signature";
import { signLetter } from "@/lib/signatures/sign-letter";
import { createToken } from "@/lib/signatures/tokens";
import type { SignatureInput } from "@/lib/validation/signature";
import { countsOf, createLetter, individual, latestConfirmToken, organization } from "../support/factories";

const DAY = 24 * 60 * 60 * 1000;
const unique = () => crypto.randomUUID().slice(0, 8);

beforeAll(() => configureDatabase());

type Letter = Awaited<ReturnType<typeof createLetter>>;

/** Signs a letter and returns the token from the confirmation email. */
async function sign(letter: Letter, input: SignatureInput): Promise<string> {
  await signLetter({ slug: letter.slug, input });
  return latestConfirmToken(input.email);
}

const signatureOf = (letter: Letter) => db.signature.findFirstOrThrow({ where: { letterId: letter.id } });

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected an AppError, but it succeeded");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("confirmSignature: an individual", () => {
  it("counts once, by kind and country, and marks the signature and token", async () => {
    const letter = await createLetter();
    const token = await sign(letter, individual({ country: "FR" }));

    const answer = await confirmSignature({ token });
    expect(answer).toEqual({
      result: "confirmed", kind: "individual", status: "counted", letter: { slug: letter.slug, title: letter.title },
    });
    const counts = await countsOf(letter);
    expect(counts).toMatchObject({ total: 1, individuals: 1, organizations: 0 });
    expect(counts.countries).toEqual([{ country: "FR", name: "France", total: 1, individuals: 1, organizations: 0 }]);

    const signature = await signatureOf(letter);
    expect(signature.status).toBe("counted");
    expect(signature.confirmedAt).toBeInstanceOf(Date);
    expect(signature.countedAt).toBeInstanceOf(Date);
    const stored = await db.confirmationToken.findFirstOrThrow({ where: { signatureId: signature.id } });
    expect(stored.usedAt).toBeInstanceOf(Date);
  });

  it("a second confirmation is harmless: already_confirmed, and the count does not move", async () => {
    const letter = await createLetter();
    const token = await sign(letter, individual());
    expect((await confirmSignature({ token })).result).toBe("confirmed");
    expect(await confirmSignature({ token })).toMatchObject({ result: "already_confirmed", status: "counted" });
    expect((await countsOf(letter)).total).toBe(1);
  });

  it("two confirmations at the same moment count exactly once", async () => {
    const letter = await createLetter();
    const token = await sign(letter, individual());
    const answers = await Promise.all([confirmSignature({ token }), confirmSignature({ token })]);
    expect(answers.map((a) => a.result).sort()).toEqual(["already_confirmed", "confirmed"]);
    expect((await countsOf(letter)).total).toBe(1);
    await rollUpCounts(); // the counters themselves, once the pending changes are folded in
    const shards = await db.countShard.aggregate({ where: { letterId: letter.id }, _sum: { count: true } });
    expect(shards._sum.count).toBe(1);
  });

  it("either link of a resent signature confirms it, and the other then says already_confirmed", async () => {
    const letter = await createLetter();
    const id = unique();
    const first = await sign(letter, individual({ email: `twice-${id}@example.org` }));
    const second = await sign(letter, individual({ email: `Twice-${id}+again@example.org` }));
    expect((await confirmSignature({ token: first })).result).toBe("confirmed");
    expect((await confirmSignature({ token: second })).result).toBe("already_confirmed");
    expect((await countsOf(letter)).total).toBe(1);
  });
});

describe("a second request for the same address before confirmation", () => {
  it("cannot change what the first link confirms: each link publishes its own request's details", async () => {
    const letter = await createLetter();
    const email = `owner-${unique()}@example.org`;
    const owner = individual({ email, name: "Ada Owner", country: "FR", affiliation: "Example University", listPublicly: true });
    const stranger = individual({ email, name: "Not The Owner", country: "DE", affiliation: "Somewhere Else", comment: "planted", listPublicly: true });
    const ownersLink = await sign(letter, owner);
    const strangersLink = await sign(letter, stranger);
    expect(strangersLink).not.toBe(ownersLink);

    // Each link's page shows its own request's details before the button.
    expect((await findConfirmation({ token: ownersLink })).submission).toMatchObject({ name: "Ada Owner", country: "FR", affiliation: "Example University" });
    expect((await findConfirmation({ token: strangersLink })).submission).toMatchObject({ name: "Not The Owner", country: "DE", comment: "planted" });

    await confirmSignature({ token: ownersLink });
    expect(await signatureOf(letter)).toMatchObject({ status: "counted", name: "Ada Owner", country: "FR", affiliation: "Example University", comment: null });
    expect((await countsOf(letter)).countries).toEqual([{ country: "FR", name: "France", total: 1, individuals: 1, organizations: 0 }]);
    // The other link now only says it is done, and changes nothing.
    expect(await confirmSignature({ token: strangersLink })).toMatchObject({ result: "already_confirmed" });
    expect(await signatureOf(letter)).toMatchObject({ name: "Ada Owner", country: "FR" });
  });

  it("confirming the later link publishes the later details, kind included, and counts them", async () => {
    const letter = await createLetter();
    const email = `switch-${unique()}@example.org`;
    await sign(letter, individual({ email, name: "First Try", country: "FR" }));
    const later = await sign(letter, individual({ email, name: "Second Try", country: "BE", listPublicly: false }));
    await confirmSignature({ token: later });
    expect(await signatureOf(letter)).toMatchObject({ status: "counted", name: "Second Try", country: "BE", listPublicly: false });
    expect((await countsOf(letter)).countries).toEqual([{ country: "BE", name: "Belgium", total: 1, individuals: 1, organizations: 0 }]);
  });
});

describe("findConfirmation (what the GET page uses)", () => {
  it("changes nothing: the signature stays unverified and nothing is counted", async () => {
    const letter = await createLetter();
    const token = await sign(letter, individual());
    const found = await findConfirmation({ token });
    expect(found.done).toBe(false);
    expect(found.signature.letter.slug).toBe(letter.slug);
    await findConfirmation({ token });

    expect((await signatureOf(letter)).status).toBe("unverified");
    expect(await db.confirmationToken.count({ where: { usedAt: { not: null }, signature: { letterId: letter.id } } })).toBe(0);
    expect(await countsOf(letter)).toMatchObject({ total: 0, individuals: 0, organizations: 0, countries: [] });
  });
});

describe("confirmSignature: links that do not work", () => {
  it.each([
    ["a well-formed token nobody was given", () => createToken().token],
    ["text that is not a token", () => "not-a-token"],
    ["an empty string", () => ""],
  ])("%s is 404 token_not_found", async (_label, token) => {
    expect(await appError(confirmSignature({ token: token() }))).toMatchObject({ status: 404, code: "token_not_found" });
  });

  it("a token older than 7 days is 410 token_expired and counts nothing", async () => {
    const letter = await createLetter();
    const token = await sign(letter, individual());
    const later = new Date(Date.now() + 8 * DAY);
    expect(await appError(confirmSignature({ token, now: later }))).toMatchObject({ status: 410, code: "token_expired" });
    expect(await appError(findConfirmation({ token, now: later }))).toMatchObject({ status: 410 });
    expect((await signatureOf(letter)).status).toBe("unverified");
    expect((await countsOf(letter)).total).toBe(0);
    // six days on, the same link still works
    expect((await confirmSignature({ token, now: new Date(Date.now() + 6 * DAY) })).result).toBe("confirmed");
  });

  it("a letter closed after signing refuses the confirmation (409) and counts nothing", async () => {
    const letter = await createLetter();
    const token = await sign(letter, individual());
    await db.letter.update({ where: { id: letter.id }, data: { status: "closed" } });
    expect(await appError(confirmSignature({ token }))).toMatchObject({ status: 409, code: "letter_not_open" });
    expect((await signatureOf(letter)).status).toBe("unverified");
    expect((await countsOf(letter)).total).toBe(0);
  });
});

describe("confirmSignature: an organisation", () => {
  const acme = () => {
    const domain = `acme-${unique()}.org`;
    const input = organization({ email: `press@eu.${domain}`, website: `https://www.${domain}`, country: "DE" });
    return { domain, input: input as Extract<SignatureInput, { kind: "organization" }> };
  };

  it("waits for review: not counted, the match recorded, and an awaiting-review email queued", async () => {
    const letter = await createLetter();
    const { input } = acme();
    const token = await sign(letter, input);

    expect(await confirmSignature({ token })).toMatchObject({ result: "confirmed", kind: "organization", status: "awaiting_review" });
    const signature = await signatureOf(letter);
    expect(signature).toMatchObject({ status: "awaiting_review", domainMatch: true, countedAt: null });
    expect(signature.confirmedAt).toBeInstanceOf(Date);
    expect((await countsOf(letter)).total).toBe(0);

    const mails = await db.outboxEmail.findMany({ where: { to: input.email }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.template)).toEqual(["signature-confirm", "organization-awaiting-review"]);
    expect(mails[1].text).toContain(input.organizationName);

    expect(await confirmSignature({ token })).toMatchObject({ result: "already_confirmed", status: "awaiting_review" });
    expect(await db.outboxEmail.count({ where: { to: input.email } })).toBe(2);
  });

  it("records a domain mismatch for a contact writing from elsewhere", async () => {
    const letter = await createLetter();
    const token = await sign(letter, organization({ email: `someone-${unique()}@gmail.com`, website: "https://www.example.org" }));
    await confirmSignature({ token });
    expect(await signatureOf(letter)).toMatchObject({ status: "awaiting_review", domainMatch: false });
  });

  it("with auto-approval and matching domains counts at once as an organisation", async () => {
    const letter = await createLetter({ autoApproveMatchingDomain: true });
    const { input } = acme();
    const token = await sign(letter, input);
    expect(await confirmSignature({ token })).toMatchObject({ result: "confirmed", status: "counted" });
    expect(await signatureOf(letter)).toMatchObject({ status: "counted", domainMatch: true });
    const counts = await countsOf(letter);
    expect(counts).toMatchObject({ total: 1, individuals: 0, organizations: 1 });
    expect(counts.countries).toEqual([{ country: "DE", name: "Germany", total: 1, individuals: 0, organizations: 1 }]);
    expect(await db.outboxEmail.count({ where: { to: input.email, template: "organization-awaiting-review" } })).toBe(0);
  });

  it("with auto-approval but different domains still waits for review", async () => {
    const letter = await createLetter({ autoApproveMatchingDomain: true });
    const input = organization({ email: `press@${unique()}-other.org`, website: `https://www.acme-${unique()}.org` });
    const token = await sign(letter, input);
    expect(await confirmSignature({ token })).toMatchObject({ status: "awaiting_review" });
    expect(await signatureOf(letter)).toMatchObject({ status: "awaiting_review", domainMatch: false });
    expect((await countsOf(letter)).total).toBe(0);
  });
});
