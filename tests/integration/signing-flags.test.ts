import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { FLOOD_LIMIT, hashIp, isDisposableDomain } from "@/lib/moderation/signing-flags";
import { signLetter } from "@/lib/signatures/sign-letter";
import type { SignatureInput } from "@/lib/validation/signature";
import { createLetter, individual, organization } from "../support/factories";

const IP = "203.0.113.9";
const unique = () => crypto.randomUUID().slice(0, 8);

beforeAll(() => configureDatabase());

type Letter = Awaited<ReturnType<typeof createLetter>>;

async function signFrom(letter: Letter, ip: string | undefined, input: SignatureInput = individual()) {
  expect(await signLetter({ slug: letter.slug, input, ip })).toBe("created");
  return db.signature.findFirstOrThrow({ where: { letterId: letter.id, email: input.email } });
}

describe("signing flags: many signatures from one address", () => {
  it("leaves the first five from one address unflagged and flags the sixth and later", async () => {
    expect(FLOOD_LIMIT).toBe(5);
    const letter = await createLetter();
    const flags: string[] = [];
    for (let i = 0; i < 7; i++) flags.push((await signFrom(letter, IP)).flags);
    expect(flags).toEqual(["", "", "", "", "", "many_from_one_address", "many_from_one_address"]);
  });

  it("counts per letter: the same address on another letter starts fresh", async () => {
    const first = await createLetter();
    const second = await createLetter();
    for (let i = 0; i < 6; i++) await signFrom(first, IP);
    expect((await signFrom(second, IP)).flags).toBe("");
    expect(await db.signature.count({ where: { letterId: second.id, flags: { not: "" } } })).toBe(0);
  });

  it("counts per address: other addresses and signers without an address are not flagged", async () => {
    const letter = await createLetter();
    for (let i = 0; i < 6; i++) await signFrom(letter, IP);
    expect((await signFrom(letter, "198.51.100.7")).flags).toBe("");
    const noIp = await signFrom(letter, undefined);
    expect(noIp).toMatchObject({ flags: "", ipHash: null });
  });

  it("forgets signatures older than an hour", async () => {
    const letter = await createLetter();
    for (let i = 0; i < 5; i++) await signFrom(letter, IP);
    await db.signature.updateMany({ where: { letterId: letter.id }, data: { createdAt: new Date(Date.now() - 61 * 60 * 1000) } });
    expect((await signFrom(letter, IP)).flags).toBe("");
  });

  it("never blocks signing: a flagged signer still gets a pending signature and a link", async () => {
    const letter = await createLetter();
    for (let i = 0; i < 5; i++) await signFrom(letter, IP);
    const sixth = await signFrom(letter, IP);
    expect(sixth).toMatchObject({ status: "unverified", flags: "many_from_one_address" });
    expect(await db.outboxEmail.count({ where: { to: sixth.email, template: "signature-confirm" } })).toBe(1);
  });
});

describe("signing flags: throwaway mailboxes", () => {
  it("flags a mailinator.com address as disposable_email", async () => {
    const letter = await createLetter();
    const signature = await signFrom(letter, IP, individual({ email: `someone-${unique()}@mailinator.com` }));
    expect(signature.flags).toBe("disposable_email");
  });

  it("flags a throwaway address used by an organisation contact, case-insensitively", async () => {
    const letter = await createLetter();
    const signature = await signFrom(letter, undefined, organization({ email: `Press-${unique()}@YopMail.com` }));
    expect(signature.flags).toBe("disposable_email");
  });

  it("does not flag an ordinary address", async () => {
    const letter = await createLetter();
    expect((await signFrom(letter, IP, individual({ email: `someone-${unique()}@example.org` }))).flags).toBe("");
  });

  it("flags domains of the maintained list beyond the dozen once written in the code, and their subdomains", async () => {
    const letter = await createLetter();
    for (const domain of ["spam4.me", "trashmail.de", "guerrillamailblock.com", "inbox.mailinator.com", "a.b.0-mail.com"]) {
      const signature = await signFrom(letter, undefined, individual({ email: `x-${unique()}@${domain}` }));
      expect(signature.flags, domain).toBe("disposable_email");
    }
  });

  it("does not flag ordinary providers, nor a domain that merely ends like a listed one", async () => {
    const letter = await createLetter();
    for (const domain of ["gmail.com", "proton.me", "campaign-mailinator.org", "mailinator.com.example.org"]) {
      expect((await signFrom(letter, undefined, individual({ email: `x-${unique()}@${domain}` }))).flags, domain).toBe("");
    }
  });

  it("isDisposableDomain reads the list once and matches parent domains, case-insensitively", () => {
    expect(isDisposableDomain("Mail.YOPMAIL.com")).toBe(true);
    expect(isDisposableDomain("com")).toBe(false);
    expect(isDisposableDomain("example.org")).toBe(false);
  });

  it("carries both flags when both rules apply", async () => {
    const letter = await createLetter();
    for (let i = 0; i < 5; i++) await signFrom(letter, IP);
    const both = await signFrom(letter, IP, individual({ email: `x-${unique()}@mailinator.com` }));
    expect(both.flags.split(",").sort()).toEqual(["disposable_email", "many_from_one_address"]);
  });
});

describe("the stored address", () => {
  it("keeps a keyed hash of the address, never the address itself", async () => {
    const letter = await createLetter();
    const signature = await signFrom(letter, IP);
    expect(signature.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(signature.ipHash).toBe(hashIp(IP, getEnv().AUTH_SECRET));
    const row = JSON.stringify(await db.signature.findUniqueOrThrow({ where: { id: signature.id } }));
    expect(row).not.toContain(IP);
    expect(signature.ipHash).not.toBe(crypto.createHash("sha256").update(IP).digest("hex"));
  });

  it("hashIp is stable for equal inputs and differs for another secret or address", () => {
    const secret = "s".repeat(32);
    expect(hashIp(IP, secret)).toBe(hashIp(IP, secret));
    expect(hashIp(IP, secret)).not.toBe(hashIp(IP, "t".repeat(32)));
    expect(hashIp(IP, secret)).not.toBe(hashIp("203.0.113.10", secret));
    expect(hashIp(IP, secret)).not.toContain(IP);
  });
});
