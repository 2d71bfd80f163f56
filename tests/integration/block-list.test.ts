import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db, provider } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { addBlockRule } from "@/lib/defences/add-block-rule";
import { blockedBy, floodExempt } from "@/lib/defences/block-list";
import { removeBlockRule } from "@/lib/defences/remove-block-rule";
import { startChangeListener } from "@/lib/memory/change-listener";
import { CHANGE_CHANNEL } from "@/lib/memory/letter-changed";
import { processMemory } from "@/lib/memory/process-memory";
import { FLOOD_LIMIT } from "@/lib/moderation/signing-flags";
import { signLetter } from "@/lib/signatures/sign-letter";
import { blockRuleInputSchema, type BlockKind } from "@/lib/validation/block-rule";
import type { SignatureInput } from "@/lib/validation/signature";
import { countsOf, createLetter, individual, signAndConfirm } from "../support/factories";

// The block lists on a real database, through the signing pipeline: what a blocked
// signing leaves (a fraud signature with the rule's reason, no link, no email, no count),
// the allow list, and how soon a change is matched. Each test's rules cover names and
// ranges of its own, so other tests signing meanwhile are never caught.

const admin = { id: "", email: "blocks-admin@letters.test", role: "admin" as const };
const id = () => crypto.randomUUID().slice(0, 8);
/** An IPv4 /24 no other test signs from (198.18.0.0/15 is set aside for benchmarks). */
const range = () => `198.${18 + crypto.randomInt(2)}.${crypto.randomInt(256)}`;

beforeAll(async () => {
  await configureDatabase();
  admin.id = (await db.user.create({ data: { email: admin.email, role: "admin" } })).id;
});
afterAll(async () => {
  await db.blockRule.deleteMany({ where: { createdById: admin.id } });
  processMemory<{ stop(): void } | null>("change-listener", () => null)?.stop();
});

const block = (kind: BlockKind, value: string, reason = "a test") =>
  addBlockRule({ actor: admin, input: blockRuleInputSchema.parse({ kind, value, reason }) });

async function signatureOf(letter: { id: string }, input: SignatureInput) {
  return db.signature.findFirstOrThrow({
    where: { letterId: letter.id, email: input.email },
    include: { tokens: true, withdrawals: true },
  });
}

describe("a blocked signer", () => {
  it("is written as fraud at once, with the rule and its reason, with no link and no email, and never counts", async () => {
    const domain = `wave-${id()}.example`;
    await block("domain", `*.${domain}`, "spam wave of 12 March");
    const letter = await createLetter();
    await signAndConfirm(letter, individual({ country: "PT" }));
    const before = await countsOf(letter);

    const input = individual({ email: `someone@mail.${domain}`, country: "PT" });
    expect(await signLetter({ slug: letter.slug, input, ip: "192.0.2.10" })).toBe("refused");
    const signature = await signatureOf(letter, input);
    expect(signature).toMatchObject({
      status: "fraud",
      confirmedAt: null,
      moderationReason: `Blocked domain *.${domain}: spam wave of 12 March`,
      moderatedAt: expect.any(Date),
    });
    expect(signature.flags.split(",")).toContain("blocked");
    expect(signature.tokens).toEqual([]);
    expect(signature.withdrawals).toEqual([]);
    expect(await db.outboxEmail.count({ where: { to: input.email } })).toBe(0);

    // Asking again changes nothing and sends nothing either.
    expect(await signLetter({ slug: letter.slug, input, ip: "192.0.2.10" })).toBe("refused");
    expect(await db.signature.count({ where: { letterId: letter.id, emailCanonical: signature.emailCanonical } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: input.email } })).toBe(0);
    expect(await countsOf(letter)).toMatchObject({ total: before.total, individuals: before.individuals, countries: before.countries });
    expect(before.total).toBe(1);
  });

  it("is caught by a blocked range (an IPv4-mapped client too) and by a blocked address however it is spelled", async () => {
    const net = range();
    await block("network", `${net}.0/24`, "bot farm");
    const who = id();
    await block("address", `blocked.${who}@gmail.com`, "asked us to refuse");
    const letter = await createLetter();

    const fromRange = individual();
    expect(await signLetter({ slug: letter.slug, input: fromRange, ip: `::ffff:${net}.77` })).toBe("refused");
    expect((await signatureOf(letter, fromRange)).moderationReason).toBe(`Blocked range ${net}.0/24: bot farm`);

    const respelled = individual({ email: `B.L.O.C.K.E.D${who.toUpperCase()}+petition@GoogleMail.com` });
    expect(await signLetter({ slug: letter.slug, input: respelled })).toBe("refused");
    expect((await signatureOf(letter, respelled)).moderationReason).toBe(`Blocked address blocked${who}@gmail.com: asked us to refuse`);

    const outside = individual();
    expect(await signLetter({ slug: letter.slug, input: outside, ip: "192.0.2.10" })).toBe("created");
    expect((await signatureOf(letter, outside)).status).toBe("unverified");
  });
});

describe("allowed ranges", () => {
  it("exempt their signers from the flood flag until the entry is removed", async () => {
    const net = range();
    const ip = `${net}.5`;
    const allowed = await block("allow_network", `${net}.0/24`, "the university's library");
    expect(await floodExempt(ip)).toBe(true);
    const letter = await createLetter();
    const flags = async () => (await signatureOf(letter, await signed())).flags;
    const signed = async () => {
      const input = individual();
      expect(await signLetter({ slug: letter.slug, input, ip })).toBe("created");
      return input;
    };
    for (let i = 0; i < FLOOD_LIMIT; i++) await signed();
    expect(await flags()).toBe("");

    await removeBlockRule({ actor: admin, id: allowed.id });
    expect(await floodExempt(ip)).toBe(false);
    expect(await flags()).toBe("many_from_one_address");
  });
});

describe("a change of the lists", () => {
  it("is matched from the next signing on, without waiting", async () => {
    const domain = `later-${id()}.example`;
    const letter = await createLetter();
    expect(await signLetter({ slug: letter.slug, input: individual({ email: `first@${domain}` }) })).toBe("created");
    const rule = await block("domain", domain);
    expect(await signLetter({ slug: letter.slug, input: individual({ email: `second@${domain}` }) })).toBe("refused");
    await removeBlockRule({ actor: admin, id: rule.id });
    expect(await signLetter({ slug: letter.slug, input: individual({ email: `third@${domain}` }) })).toBe("created");
  });

  it.runIf(provider === "postgresql")("made by another process, is matched here within a second", async () => {
    startChangeListener();
    const other = new pg.Client({ connectionString: getEnv().DATABASE_URL });
    await other.connect();
    const subject = (domain: string) => ({ emailDomain: domain, emailCanonical: `a@${domain}` }) as Parameters<typeof blockedBy>[0];
    /** What the other process does: writes a rule, then says every letter changed. */
    const addElsewhere = async (domain: string) => {
      await db.blockRule.create({ data: { kind: "domain", value: domain, reason: "added elsewhere", createdById: admin.id } });
      await other.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, JSON.stringify({ what: "letter", origin: "another-process" })]);
    };
    try {
      // First, until this process's listener is connected and hears it.
      const warmUp = `warm-${id()}.example`;
      expect(await blockedBy(subject(warmUp))).toBeNull();
      await addElsewhere(warmUp);
      await expect.poll(() => blockedBy(subject(warmUp)), { timeout: 10_000, interval: 50 }).not.toBeNull();

      const domain = `elsewhere-${id()}.example`;
      expect(await blockedBy(subject(domain))).toBeNull();
      await addElsewhere(domain);
      await expect.poll(() => blockedBy(subject(domain)), { timeout: 1_000, interval: 25 }).toMatchObject({ flag: "blocked" });
    } finally {
      await other.end();
    }
  });
});

describe("the admin's changes", () => {
  it("are audited with kind, value and reason; an address only as a keyed hash", async () => {
    const domain = `audited-${id()}.example`;
    const rule = await block("domain", domain, "a wave of fakes");
    await removeBlockRule({ actor: admin, id: rule.id });
    const lines = await db.auditLog.findMany({ where: { targetId: rule.id }, orderBy: { createdAt: "asc" } });
    expect(lines.map((l) => [l.action, l.actorEmail, l.targetType, l.reason, JSON.parse(l.detail)])).toEqual([
      ["block.add", admin.email, "block_rule", "a wave of fakes", { kind: "domain", value: domain }],
      ["block.remove", admin.email, "block_rule", "a wave of fakes", { kind: "domain", value: domain }],
    ]);

    const address = `private.${id()}@example.org`;
    const personal = await block("address", address, "a stalker");
    expect(personal.value).toBe(address);
    const line = await db.auditLog.findFirstOrThrow({ where: { targetId: personal.id } });
    expect(JSON.parse(line.detail)).toEqual({ kind: "address", valueHash: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(line.detail).not.toContain(address.split("@")[0]);
  });

  it("refuse an entry already on its list, as a field error, whatever its spelling", async () => {
    const net = range();
    await block("network", `${net}.0/24`);
    await expect(block("network", `${net}.99/24`)).rejects.toMatchObject({
      status: 422,
      fields: { value: [`${net}.0/24 is already on this list.`] },
    });
    // The same range may be on another list.
    await expect(block("allow_network", `${net}.0/24`)).resolves.toMatchObject({ kind: "allow_network" });
  });
});
