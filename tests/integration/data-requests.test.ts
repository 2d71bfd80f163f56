import { execFile } from "node:child_process";
import crypto from "node:crypto";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { redactSecrets } from "@/lib/email/secret-links";
import { eraseSignerData } from "@/lib/signer-rights/erase-signer-data";
import { findDataRequest } from "@/lib/signer-rights/find-data-request";
import { requestMyData } from "@/lib/signer-rights/request-my-data";
import { signerData } from "@/lib/signer-rights/signer-data";
import { withdrawOwnSignature } from "@/lib/signer-rights/withdraw-own-signature";
import { canonicalEmail } from "@/lib/signatures/canonical-email";
import { signLetter } from "@/lib/signatures/sign-letter";
import { countsOf, createLetter, individual, signAndConfirm } from "../support/factories";
import { wherePersonalDataRemains } from "../support/personal-data";

const run = promisify(execFile);
const unique = () => crypto.randomUUID().slice(0, 8);
const HOUR = 60 * 60 * 1000;

beforeAll(() => configureDatabase());

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => new Error("expected an AppError, but it succeeded"), (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Asks for a data link as /my-data does, and returns the token from the email. */
async function requestLink(email: string, now = new Date()): Promise<string> {
  await requestMyData({ email, ip: `203.0.113.${Math.floor(Math.random() * 250)}`, now });
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email, template: "data-request" }, orderBy: { createdAt: "desc" } });
  const token = mail.text.match(/\/my-data\/([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`no data link in: ${mail.text}`);
  return token;
}

/** One person who signed two letters (the second with another spelling of the address), and a stranger on the first. */
async function twoLettersSigned() {
  const [first, second] = [await createLetter(), await createLetter()];
  const id = unique();
  const email = `ada.${id}@example.org`;
  const name = `Ada Twice ${id}`;
  await signAndConfirm(first, individual({ email, name, country: "FR", comment: `first comment ${id}` }));
  await signLetter({ slug: second.slug, input: individual({ email: `Ada.${id}+campaigns@example.org`, name, country: "FR" }) });
  const stranger = individual({ email: `ada.${id}x@example.org`, name: `Someone Else ${id}`, country: "DE" });
  await signAndConfirm(first, stranger);
  return { first, second, email, name, stranger, canonical: canonicalEmail(email).canonical };
}

describe("asking for one's data", () => {
  it("sends an address that signed a one-hour link, its canonical recipient kept", async () => {
    const { email, canonical } = await twoLettersSigned();
    const now = new Date();
    const token = await requestLink(email, now);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email, template: "data-request" } });
    expect(mail.toCanonical).toBe(canonical);
    expect(mail.text).toContain(`http://letters.test/my-data/${token}`);
    expect(redactSecrets(mail.text)).not.toContain(token);
    expect(await findDataRequest({ token, now: new Date(now.getTime() + HOUR - 1000) })).toMatchObject({ emailCanonical: canonical });
    expect((await appError(findDataRequest({ token, now: new Date(now.getTime() + HOUR + 1000) }))).status).toBe(410);
  });

  it("answers an address that signed nothing the same way, and sends it nothing", async () => {
    const email = `never-signed-${unique()}@example.org`;
    await expect(requestMyData({ email, ip: "203.0.113.9" })).resolves.toBeUndefined();
    expect(await db.outboxEmail.count({ where: { to: email } })).toBe(0);
    expect(await db.dataRequestToken.count({ where: { emailCanonical: canonicalEmail(email).canonical } })).toBe(0);
  });

  it("answers before it looks the address up, so the time it takes tells no one whether it signed", async () => {
    const letter = await createLetter();
    const signer = individual();
    await signLetter({ slug: letter.slug, input: signer });
    const stranger = `never-signed-${unique()}@example.org`;
    const waiting: (() => Promise<void>)[] = [];
    const later = (work: () => Promise<void>) => void waiting.push(work);
    await requestMyData({ email: signer.email, ip: "203.0.113.31", later });
    await requestMyData({ email: stranger, ip: "203.0.113.32", later });
    // Both answered with the same work left to do: the lookup, the link and the email.
    expect(waiting).toHaveLength(2);
    expect(await db.dataRequestToken.count({ where: { emailCanonical: canonicalEmail(signer.email).canonical } })).toBe(0);
    for (const work of waiting) await work();
    expect(await db.dataRequestToken.count({ where: { emailCanonical: canonicalEmail(signer.email).canonical } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: signer.email, template: "data-request" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: stranger } })).toBe(0);
  });

  it("limits requests for one address, whoever asks", async () => {
    const email = `limited-${unique()}@example.org`;
    for (let i = 0; i < 3; i++) await requestMyData({ email, ip: `198.51.100.${i}` });
    expect((await appError(requestMyData({ email, ip: "198.51.100.200" }))).status).toBe(429);
  });

  it("an unknown or malformed link is a 404", async () => {
    expect((await appError(findDataRequest({ token: "x".repeat(43) }))).status).toBe(404);
    expect((await appError(findDataRequest({ token: "../etc" }))).status).toBe(404);
  });
});

describe("what the link shows and exports", () => {
  it("every signature of the canonical address on every letter, and the emails to it; nobody else's", async () => {
    const { first, second, email, name, stranger, canonical } = await twoLettersSigned();
    await requestLink(email);
    const data = await signerData({ emailCanonical: canonical });
    expect(data.signatures.map((s) => [s.letter.slug, s.status, s.name])).toEqual([
      [first.slug, "counted", name],
      [second.slug, "unverified", name],
    ]);
    expect(data.signatures[0]).toMatchObject({ flags: expect.any(String), moderatorNote: false, comment: expect.stringContaining("first comment") });
    // A staff note is not the signer's to read (it may name others); that there is one is.
    expect(data.signatures[0]).not.toHaveProperty("moderationReason");
    expect(data.emails.map((e) => e.template).sort()).toEqual(expect.arrayContaining(["data-request", "signature-confirm"]));
    const json = JSON.stringify(data);
    expect(json).not.toContain(stranger.email);
    expect(json).not.toContain(stranger.name);
  });
});

describe("erasing everything", () => {
  it("removes every signature on both letters, the counts fall, and nothing of the person remains; the stranger stays", async () => {
    const { first, second, email, name, stranger, canonical } = await twoLettersSigned();
    const token = await requestLink(email);
    expect((await countsOf(first)).total).toBe(2);

    const erased = await eraseSignerData({ emailCanonical: (await findDataRequest({ token })).emailCanonical, actor: "signer" });

    expect(erased).toMatchObject({ signatures: 2, counted: 1, letters: 2 });
    expect((await countsOf(first)).total).toBe(1);
    expect((await countsOf(second)).total).toBe(0);
    for (const needle of [name, email, `ada.${email.split(".")[1]}`, canonical]) {
      expect(await wherePersonalDataRemains(needle), needle).toEqual([]);
    }
    expect((await appError(findDataRequest({ token }))).status).toBe(404);
    expect(await db.signature.count({ where: { email: stranger.email } })).toBe(1);
    const lines = await db.auditLog.findMany({ where: { action: { in: ["signature.erase", "data.erase"] }, OR: [{ letterId: { in: [first.id, second.id] } }, { letterId: null }] } });
    expect(lines.filter((l) => l.action === "signature.erase")).toHaveLength(2);
  });

  it("a per-signature withdrawal only touches the link's own address", async () => {
    const { first, email, stranger, canonical } = await twoLettersSigned();
    const token = await requestLink(email);
    const strangers = await db.signature.findFirstOrThrow({ where: { email: stranger.email } });
    await withdrawOwnSignature({ token, signatureId: strangers.id });
    expect(await db.signature.count({ where: { id: strangers.id } })).toBe(1);
    const own = await db.signature.findFirstOrThrow({ where: { letterId: first.id, emailCanonical: canonical } });
    await withdrawOwnSignature({ token, signatureId: own.id });
    expect(await db.signature.count({ where: { id: own.id } })).toBe(0);
    expect((await countsOf(first)).total).toBe(1);
    const [line] = await db.auditLog.findMany({ where: { targetId: own.id, action: "signature.withdraw" } });
    expect(JSON.parse(line.detail)).toMatchObject({ how: "my_data", counted: true });
  });
});

describe("the operator's commands", () => {
  const command = (script: string, ...args: string[]) =>
    run(process.execPath, ["--import", "./scripts/server-only-hook.mjs", "--import", "tsx", `scripts/${script}.ts`, ...args], {
      env: { ...process.env },
      timeout: 60_000,
    });

  it("data:export prints the same JSON and data:erase erases, each audited with a keyed hash, never the address", async () => {
    const { first, second, email, name, canonical } = await twoLettersSigned();
    const exported = await command("data-export", email.toUpperCase());
    const data = JSON.parse(exported.stdout);
    expect(data.signatures.map((s: { letter: { slug: string } }) => s.letter.slug)).toEqual([first.slug, second.slug]);

    const erased = await command("data-erase", email);
    expect(erased.stdout).toContain("Erased 2 signatures on 2 letters (1 of them counted");
    expect(await db.signature.count({ where: { emailCanonical: canonical } })).toBe(0);
    expect((await countsOf(first)).total).toBe(1);

    const lines = await db.auditLog.findMany({ where: { action: { in: ["data.export", "data.erase"] }, actorEmail: "operator" } });
    const hash = crypto.createHmac("sha256", process.env.AUTH_SECRET!).update(canonical).digest("hex");
    const ours = lines.filter((l) => JSON.parse(l.detail).emailHash === hash);
    expect(ours.map((l) => l.action).sort()).toEqual(["data.erase", "data.export"]);
    expect(await wherePersonalDataRemains(name)).toEqual([]);
    expect(await wherePersonalDataRemains(email)).toEqual([]);
  }, 120_000);

  it("a bad address stops with a clear message and exit code 1", async () => {
    const failure = await command("data-erase", "not-an-address").then(() => null, (e: { code: number; stderr: string }) => e);
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("Enter a valid email address");
  }, 60_000);
});
