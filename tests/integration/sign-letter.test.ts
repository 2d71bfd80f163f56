import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db, provider } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { signLetter } from "@/lib/signatures/sign-letter";
import type { SignatureInput } from "@/lib/validation/signature";
import { countsOf, createLetter, individual, latestConfirmToken, organization } from "../support/factories";

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");
type OrganizationInput = Extract<SignatureInput, { kind: "organization" }>;
const unique = () => crypto.randomUUID().slice(0, 8);

beforeAll(() => configureDatabase());

async function rowsFor(letterId: string) {
  const signatures = await db.signature.findMany({ where: { letterId }, include: { tokens: true } });
  return { signatures, tokens: signatures.flatMap((s) => s.tokens) };
}

/** The AppError a promise rejects with (fails the test if it resolves or throws something else). */
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

describe("signLetter: a new signer", () => {
  it("creates an unverified signature, one hashed token and one confirmation email with a /verify/ link", async () => {
    const letter = await createLetter();
    const input = individual({ title: "Professor", affiliation: "University of Examples" });
    expect(await signLetter({ slug: letter.slug, input })).toBe("created");

    const { signatures, tokens } = await rowsFor(letter.id);
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toMatchObject({
      kind: "individual", status: "unverified", email: input.email, emailCanonical: input.email.toLowerCase(),
      emailDomain: "example.org", country: "FR", title: "Professor", affiliation: "University of Examples",
      listPublicly: true, confirmedAt: null, countedAt: null,
    });
    expect(tokens).toHaveLength(1);

    const mails = await db.outboxEmail.findMany({ where: { to: input.email } });
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({ template: "signature-confirm", status: "pending", attempts: 0 });
    expect(mail.subject).toContain(letter.title);
    expect(mail.html.length).toBeGreaterThan(0);
    expect(mail.text.length).toBeGreaterThan(0);

    const token = await latestConfirmToken(input.email);
    expect(mail.text).toContain(`http://letters.test/verify/${token}`);
    expect(mail.html).toContain(`http://letters.test/verify/${token}`);
    expect(tokens[0].tokenHash).toBe(sha256(token));
    expect(tokens[0].tokenHash).not.toBe(token);
    expect(mail.text).not.toContain(tokens[0].tokenHash);
    const week = tokens[0].expiresAt.getTime() - tokens[0].createdAt.getTime();
    expect(Math.abs(week - 7 * 24 * 3600 * 1000)).toBeLessThan(60_000);
  });

  it("records an organisation's name and website, and names the organisation in the email", async () => {
    const letter = await createLetter();
    const input = organization() as OrganizationInput;
    expect(await signLetter({ slug: letter.slug, input })).toBe("created");
    const [signature] = (await rowsFor(letter.id)).signatures;
    expect(signature).toMatchObject({
      kind: "organization", status: "unverified", organizationName: input.organizationName,
      website: input.website, title: null, affiliation: null,
    });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: input.email } });
    expect(mail.text).toContain(input.organizationName);
  });
});

describe("signLetter: rows written as SQL", () => {
  it("stores timestamps, booleans and ids the way Prisma writes and reads them", async () => {
    const letter = await createLetter();
    const input = individual({ listPublicly: false });
    const before = Date.now();
    await signLetter({ slug: letter.slug, input, ip: "198.51.100.7" });
    const signature = await db.signature.findFirstOrThrow({ where: { letterId: letter.id }, include: { tokens: true } });
    expect(signature.listPublicly).toBe(false);
    expect(signature.domainMatch).toBe(false);
    expect(signature.id).toMatch(/^c[a-z0-9]{20,32}$/);
    for (const at of [signature.createdAt, signature.updatedAt, signature.consentAt, signature.tokens[0].createdAt]) {
      expect(at.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }
    // On SQLite a DateTime is text: its format must equal Prisma's own, or date
    // comparisons in SQL go wrong. (PostgreSQL's columns are typed.)
    if (provider === "sqlite") {
      const written = await db.$queryRaw<{ signed: string; created: string }[]>`
        SELECT CAST(s."createdAt" AS TEXT) AS "signed", CAST(l."createdAt" AS TEXT) AS "created" FROM "Signature" s JOIN "Letter" l ON l."id" = s."letterId"
        WHERE s."id" = ${signature.id}`;
      const shape = (text: string) => text.replace(/\d/g, "9");
      expect(shape(written[0].signed)).toBe(shape(written[0].created));
    }
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: input.email } });
    expect(mail.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await db.outboxEmail.count({ where: { to: input.email, status: "pending", nextAttemptAt: { lte: new Date() } } })).toBe(1);
  });
});

describe("signLetter: the same person again", () => {
  it("before confirmation sends a fresh link that carries the new details, and leaves the row as the first request made it", async () => {
    const letter = await createLetter();
    const id = unique();
    const first = individual({ email: `signer-${id}@example.org`, name: "First Name", country: "FR" });
    const again = individual({ email: `Signer-${id}+x@Example.org`, name: "Second Name", country: "BE", listPublicly: false });

    expect(await signLetter({ slug: letter.slug, input: first })).toBe("created");
    expect(await signLetter({ slug: letter.slug, input: again })).toBe("resent");

    const { signatures, tokens } = await rowsFor(letter.id);
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toMatchObject({
      status: "unverified", name: "First Name", country: "FR", listPublicly: true,
      email: first.email, emailCanonical: `signer-${id}@example.org`,
    });
    expect(tokens).toHaveLength(2);
    const detailsOf = (token: { details: string | null }) => JSON.parse(token.details!);
    expect(tokens.map(detailsOf).map((d) => [d.name, d.country, d.listPublicly, d.email]).sort()).toEqual([
      ["First Name", "FR", true, first.email],
      ["Second Name", "BE", false, again.email],
    ]);

    const firstToken = await latestConfirmToken(first.email);
    const secondToken = await latestConfirmToken(again.email);
    expect(firstToken).not.toBe(secondToken);
    expect(tokens.map((t) => t.tokenHash).sort()).toEqual([sha256(firstToken), sha256(secondToken)].sort());
    const mails = await db.outboxEmail.findMany({ where: { to: { in: [first.email, again.email] } } });
    expect(mails.map((m) => m.template)).toEqual(["signature-confirm", "signature-confirm"]);
  });

  it("after confirmation answers already_signed, queues an already-signed email, makes no token and counts nothing more", async () => {
    const letter = await createLetter();
    const id = unique();
    const first = individual({ email: `signer-${id}@example.org` });
    await signLetter({ slug: letter.slug, input: first });
    await confirmSignature({ token: await latestConfirmToken(first.email) });
    const before = await countsOf(letter);
    expect(before.total).toBe(1);

    const again = individual({ email: `SIGNER-${id}+again@example.org`, name: "Someone Else" });
    expect(await signLetter({ slug: letter.slug, input: again })).toBe("already_signed");

    const { signatures, tokens } = await rowsFor(letter.id);
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toMatchObject({ status: "counted", name: first.name, email: first.email });
    expect(tokens).toHaveLength(1);
    const mails = await db.outboxEmail.findMany({ where: { to: again.email } });
    expect(mails.map((m) => m.template)).toEqual(["already-signed"]);
    expect(mails[0].text).not.toMatch(/\/verify\//);
    expect(mails[0].text).toContain(`http://letters.test/letters/${letter.slug}`);

    const after = await countsOf(letter);
    expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
  });

  it("signing twice at the same moment leaves one signature", async () => {
    const letter = await createLetter();
    const input = individual();
    const outcomes = await Promise.all([signLetter({ slug: letter.slug, input }), signLetter({ slug: letter.slug, input })]);
    expect(outcomes.sort()).toEqual(["created", "resent"]);
    const { signatures, tokens } = await rowsFor(letter.id);
    expect(signatures).toHaveLength(1);
    expect(tokens).toHaveLength(2);
  });

  it("treats the same address on another letter as a new signature", async () => {
    const [a, b] = [await createLetter(), await createLetter()];
    const input = individual();
    expect(await signLetter({ slug: a.slug, input })).toBe("created");
    expect(await signLetter({ slug: b.slug, input })).toBe("created");
  });
});

describe("signLetter: letters that take no signature", () => {
  it.each(["paused", "closed"])("a %s letter answers 409 letter_not_open and records nothing", async (status) => {
    const letter = await createLetter({ status });
    const input = individual();
    const error = await appError(signLetter({ slug: letter.slug, input }));
    expect(error).toMatchObject({ status: 409, code: "letter_not_open" });
    expect(error.message).toContain(status);
    expect((await rowsFor(letter.id)).signatures).toHaveLength(0);
    expect(await db.outboxEmail.count({ where: { to: input.email } })).toBe(0);
  });

  it("a draft letter is not found (404), like an unknown slug", async () => {
    const draft = await createLetter({ status: "draft" });
    expect(await appError(signLetter({ slug: draft.slug, input: individual() }))).toMatchObject({ status: 404, code: "letter_not_found" });
    expect((await rowsFor(draft.id)).signatures).toHaveLength(0);
    expect(await appError(signLetter({ slug: "no-such-letter", input: individual() }))).toMatchObject({
      status: 404, code: "letter_not_found",
    });
  });

  it("an organisations-only letter rejects an individual with 422 on the kind field", async () => {
    const letter = await createLetter({ allowIndividuals: false });
    const error = await appError(signLetter({ slug: letter.slug, input: individual() }));
    expect(error).toMatchObject({ status: 422, code: "kind_not_allowed" });
    expect(Object.keys(error.fields ?? {})).toEqual(["kind"]);
    expect((await rowsFor(letter.id)).signatures).toHaveLength(0);
    expect(await signLetter({ slug: letter.slug, input: organization() })).toBe("created");
  });

  it("an individuals-only letter rejects an organisation with 422", async () => {
    const letter = await createLetter({ allowOrganizations: false });
    expect(await appError(signLetter({ slug: letter.slug, input: organization() }))).toMatchObject({
      status: 422, code: "kind_not_allowed",
    });
    expect(await signLetter({ slug: letter.slug, input: individual() })).toBe("created");
  });
});
