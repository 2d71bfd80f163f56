import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { letterHistory } from "@/lib/counts/letter-history";
import { publicSignatoriesCsv } from "@/lib/export/public-signatories-csv";
import { AppError } from "@/lib/http/app-error";
import { moderateSignatures } from "@/lib/moderation/moderate-signatures";
import { reportSignature } from "@/lib/moderation/report-signature";
import { findWithdrawal } from "@/lib/signer-rights/find-withdrawal";
import { withdrawSignature } from "@/lib/signer-rights/withdraw-signature";
import { signLetter } from "@/lib/signatures/sign-letter";
import { listPublicSignatures } from "@/lib/signatures/list-public-signatures";
import { createToken } from "@/lib/signatures/tokens";
import { countsOf, createLetter, individual, organization, signAndConfirm } from "../support/factories";
import { wherePersonalDataRemains } from "../support/personal-data";

type Letter = Awaited<ReturnType<typeof createLetter>>;
const unique = () => crypto.randomUUID().slice(0, 8);

beforeAll(() => configureDatabase());

/** A withdrawal link for the signature made with this address on this letter (as the confirmation email carries). */
async function withdrawalLink(letter: Letter, email: string): Promise<string> {
  const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id, email } });
  const { token, tokenHash } = createToken();
  await db.withdrawalToken.create({ data: { tokenHash, signatureId: signature.id, letterId: letter.id } });
  return token;
}

const auditOf = (letter: Letter, action: string) => db.auditLog.findMany({ where: { letterId: letter.id, action } });

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => new Error("expected an AppError, but it succeeded"), (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("withdrawing a counted signature", () => {
  it("takes one off the counts by country and kind and off today's history, and lists it no more", async () => {
    const letter = await createLetter();
    const stays = individual({ country: "DE", name: `Stays ${unique()}` });
    const goes = individual({ country: "FR", name: `Goes ${unique()}` });
    await signAndConfirm(letter, stays);
    await signAndConfirm(letter, goes);
    const token = await withdrawalLink(letter, goes.email);
    // Caches filled before the change, as a busy letter's would be.
    expect((await countsOf(letter)).total).toBe(2);
    expect((await letterHistory({ letterId: letter.id })).at(-1)?.total).toBe(2);
    const csvBefore = await publicSignatoriesCsv({ letterId: letter.id, since: letter.createdAt, client: "test" });
    expect("representation" in csvBefore && new TextDecoder().decode(csvBefore.representation.bytes)).toContain(goes.name);

    await withdrawSignature({ token, how: "link" });

    const counts = await countsOf(letter);
    expect(counts).toMatchObject({ total: 1, individuals: 1, organizations: 0 });
    expect(counts.countries).toEqual([{ country: "DE", name: "Germany", total: 1, individuals: 1, organizations: 0 }]);
    const today = (await letterHistory({ letterId: letter.id })).at(-1);
    expect(today).toMatchObject({ total: 1, individuals: 1 });
    const names = (await listPublicSignatures({ letterId: letter.id })).items.map((i) => i.name);
    expect(names).toEqual([stays.name]);
    const csvAfter = await publicSignatoriesCsv({ letterId: letter.id, since: letter.createdAt, client: "test" });
    expect("representation" in csvAfter && new TextDecoder().decode(csvAfter.representation.bytes)).not.toContain(goes.name);
  });

  it("keeps no name, email or comment anywhere: only the counts and an audit line without them", async () => {
    const letter = await createLetter();
    const name = `Withdrawn Person ${unique()}`;
    const comment = `my own words ${unique()}`;
    const signer = individual({ name, comment, email: `leaving-${unique()}@example.org` });
    await signAndConfirm(letter, signer);
    const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id } });
    await reportSignature({ slug: letter.slug, signatureId: signature.id, reason: "other", details: `${name} did not sign this` });
    // A moderator's reason, as an action on the signature would record it, naming the signer.
    await db.auditLog.create({
      data: { actorEmail: "moderator@example.org", action: "signature.hide", targetType: "signature", targetId: signature.id, letterId: letter.id, reason: `${name} asked us by phone` },
    });
    const token = await withdrawalLink(letter, signer.email);
    expect(await wherePersonalDataRemains(name)).not.toEqual([]);

    await withdrawSignature({ token, how: "link" });

    for (const needle of [name, signer.email, comment, signer.email.split("@")[0]]) {
      expect(await wherePersonalDataRemains(needle), needle).toEqual([]);
    }
    expect(await db.signature.count({ where: { letterId: letter.id } })).toBe(0);
    expect(await db.confirmationToken.count({ where: { signatureId: signature.id } })).toBe(0);
    const [line] = await auditOf(letter, "signature.withdraw");
    expect(line).toMatchObject({ actorEmail: "signer", actorId: null, targetType: "signature", targetId: signature.id });
    expect(JSON.parse(line.detail)).toEqual({ kind: "individual", country: "FR", status: "counted", counted: true, how: "link" });
    const link = await db.withdrawalToken.findFirstOrThrow({ where: { letterId: letter.id } });
    expect(link).toMatchObject({ signatureId: null, withdrawnAt: expect.any(Date) });
  });

  it("an organisation's withdrawal takes it off the organisations' count", async () => {
    const letter = await createLetter({ autoApproveMatchingDomain: true });
    const id = unique();
    const org = organization({ email: `contact@org-${id}.example`, website: `https://org-${id}.example`, country: "BE" });
    expect((await signAndConfirm(letter, org)).status).toBe("counted");
    await withdrawSignature({ token: await withdrawalLink(letter, org.email), how: "link" });
    expect(await countsOf(letter)).toMatchObject({ total: 0, individuals: 0, organizations: 0, countries: [] });
  });
});

describe("the withdraw page's GET and the POST's repeats", () => {
  it("looking at the link changes nothing", async () => {
    const letter = await createLetter();
    const signer = individual({ name: `Looker ${unique()}`, listPublicly: false });
    await signAndConfirm(letter, signer);
    const token = await withdrawalLink(letter, signer.email);
    const found = await findWithdrawal({ token });
    expect(found).toMatchObject({
      state: "held",
      letter: { slug: letter.slug, title: letter.title },
      signature: { name: signer.name, country: "FR", listPublicly: false, confirmed: true },
    });
    await findWithdrawal({ token });
    expect(await db.signature.count({ where: { letterId: letter.id } })).toBe(1);
    expect((await countsOf(letter)).total).toBe(1);
    expect(await db.withdrawalToken.findFirstOrThrow({ where: { letterId: letter.id } })).toMatchObject({ withdrawnAt: null });
  });

  it("a second POST, and two at once, uncount once and then say it is withdrawn", async () => {
    const letter = await createLetter();
    await signAndConfirm(letter, individual());
    const signer = individual();
    await signAndConfirm(letter, signer);
    const token = await withdrawalLink(letter, signer.email);
    await Promise.all([withdrawSignature({ token, how: "link" }), withdrawSignature({ token, how: "link" })]);
    await withdrawSignature({ token, how: "link" });
    expect((await countsOf(letter)).total).toBe(1);
    expect(await auditOf(letter, "signature.withdraw")).toHaveLength(1);
    expect(await findWithdrawal({ token })).toEqual({ state: "withdrawn", letter: { id: letter.id, slug: letter.slug, title: letter.title } });
  });

  it("an unknown or malformed link is a 404", async () => {
    expect((await appError(findWithdrawal({ token: createToken().token }))).status).toBe(404);
    expect((await appError(findWithdrawal({ token: "short" }))).status).toBe(404);
    expect((await appError(withdrawSignature({ token: "x".repeat(43), how: "link" }))).status).toBe(404);
  });
});

describe("this was not me", () => {
  it("removes an unconfirmed signature without touching the counts, and says not_me in the audit line", async () => {
    const letter = await createLetter();
    await signAndConfirm(letter, individual());
    const victim = individual({ name: `Used Address ${unique()}` });
    await signLetter({ slug: letter.slug, input: victim });
    const token = await withdrawalLink(letter, victim.email);
    expect(await findWithdrawal({ token })).toMatchObject({ state: "held", signature: { confirmed: false } });

    await withdrawSignature({ token, how: "not_me" });

    expect((await countsOf(letter)).total).toBe(1);
    expect((await letterHistory({ letterId: letter.id })).at(-1)?.total).toBe(1);
    expect(await wherePersonalDataRemains(victim.name)).toEqual([]);
    expect(await wherePersonalDataRemains(victim.email)).toEqual([]);
    const [line] = await auditOf(letter, "signature.withdraw");
    expect(JSON.parse(line.detail)).toMatchObject({ status: "unverified", counted: false, how: "not_me" });
  });

  it("a signature a moderator took off the counts is removed without counting down again", async () => {
    const letter = await createLetter();
    await signAndConfirm(letter, individual());
    const signer = individual();
    await signAndConfirm(letter, signer);
    const signature = await db.signature.findFirstOrThrow({ where: { email: signer.email } });
    const user = await db.user.create({ data: { email: `mod-${unique()}@example.org`, role: "moderator" } });
    await moderateSignatures({ actor: { id: user.id, email: user.email, role: "moderator" }, ids: [signature.id], action: "hide" });
    expect((await countsOf(letter)).total).toBe(1);
    await withdrawSignature({ token: await withdrawalLink(letter, signer.email), how: "not_me" });
    expect((await countsOf(letter)).total).toBe(1);
  });
});
