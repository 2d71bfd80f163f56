import crypto from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { COUNTS_TTL_MS, letterCounts } from "@/lib/counts/letter-counts";
import { forgetLetter } from "@/lib/memory/letter-changed";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { isValidCursor, listPublicSignatures } from "@/lib/signatures/list-public-signatures";
import { signLetter } from "@/lib/signatures/sign-letter";
import type { SignatureInput } from "@/lib/validation/signature";
import { createLetter, individual, latestConfirmToken, organization } from "../support/factories";

const unique = () => crypto.randomUUID().slice(0, 8);
type Letter = Awaited<ReturnType<typeof createLetter>>;

beforeAll(() => configureDatabase());
afterEach(() => vi.useRealTimers());

async function signAndConfirm(letter: Letter, input: SignatureInput) {
  await signLetter({ slug: letter.slug, input });
  return confirmSignature({ token: await latestConfirmToken(input.email) });
}

async function countsOf(letter: Letter) {
  forgetLetter({ what: "counts" });
  return letterCounts(letter.id, letter.createdAt);
}

/** An organisation whose contact writes from its own domain (auto-approved where the letter allows). */
function matchingOrganization(country: string) {
  const domain = `org-${unique()}.org`;
  return organization({ country, email: `press@${domain}`, website: `https://${domain}` });
}

describe("letterCounts", () => {
  it("adds up confirmations by country and kind, countries by total descending, ties by name", async () => {
    const letter = await createLetter({ autoApproveMatchingDomain: true });
    const other = await createLetter();
    for (const country of ["FR", "FR", "FR", "DE", "DE", "AT"]) await signAndConfirm(letter, individual({ country }));
    for (const country of ["FR", "BE"]) await signAndConfirm(letter, matchingOrganization(country));
    // not counted: unconfirmed, awaiting review, and another letter's signatures
    await signLetter({ slug: letter.slug, input: individual({ country: "IT" }) });
    await signAndConfirm(letter, organization({ country: "IT", email: `x-${unique()}@gmail.com`, website: "https://example.org" }));
    await signAndConfirm(other, individual({ country: "IT" }));

    const counts = await countsOf(letter);
    expect(counts).toMatchObject({ total: 8, individuals: 6, organizations: 2 });
    expect(counts.countries).toEqual([
      { country: "FR", name: "France", total: 4, individuals: 3, organizations: 1 },
      { country: "DE", name: "Germany", total: 2, individuals: 2, organizations: 0 },
      { country: "AT", name: "Austria", total: 1, individuals: 1, organizations: 0 },
      { country: "BE", name: "Belgium", total: 1, individuals: 0, organizations: 1 },
    ]);
    expect((await countsOf(other)).countries).toEqual([{ country: "IT", name: "Italy", total: 1, individuals: 1, organizations: 0 }]);
  });

  it("sums every shard, leaves out a country whose shards net to zero, and takes updatedAt from the newest shard", async () => {
    const letter = await createLetter();
    const shards = [
      ...Array.from({ length: 8 }, (_, shard) => ({ country: "FR", kind: "individual", shard, count: shard + 1 })),
      { country: "FR", kind: "organization", shard: 3, count: 2 },
      { country: "ES", kind: "individual", shard: 2, count: 5 },
      { country: "IT", kind: "individual", shard: 0, count: 1 },
      { country: "IT", kind: "individual", shard: 1, count: -1 },
    ];
    for (const row of shards) await db.countShard.create({ data: { letterId: letter.id, ...row } });
    const newest = await db.countShard.aggregate({ where: { letterId: letter.id }, _max: { updatedAt: true } });

    const counts = await countsOf(letter);
    expect(counts).toMatchObject({ total: 43, individuals: 41, organizations: 2 });
    expect(counts.countries).toEqual([
      { country: "FR", name: "France", total: 38, individuals: 36, organizations: 2 },
      { country: "ES", name: "Spain", total: 5, individuals: 5, organizations: 0 },
    ]);
    expect(counts.updatedAt).toBe(newest._max.updatedAt!.toISOString());
  });

  it("gives zeros and the letter's creation time before anything is counted", async () => {
    const letter = await createLetter();
    expect(await countsOf(letter)).toEqual({
      total: 0, individuals: 0, organizations: 0, countries: [], updatedAt: letter.createdAt.toISOString(),
    });
  });

  it("keeps counts for a moment, shows a confirmation at once, and refreshes after the TTL", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const letter = await createLetter();
    expect((await countsOf(letter)).total).toBe(0);

    // a confirmation in this process forgets the cached counts
    await signAndConfirm(letter, individual());
    expect((await letterCounts(letter.id, letter.createdAt)).total).toBe(1);

    // a change made elsewhere (another process) shows once the cache expires
    await db.countShard.create({ data: { letterId: letter.id, country: "ES", kind: "individual", shard: 0, count: 1 } });
    expect((await letterCounts(letter.id, letter.createdAt)).total).toBe(1);
    vi.setSystemTime(Date.now() + COUNTS_TTL_MS + 1);
    expect((await letterCounts(letter.id, letter.createdAt)).total).toBe(2);
    expect(COUNTS_TTL_MS).toBeLessThanOrEqual(5_000);
  });
});

describe("listPublicSignatures", () => {
  const PUBLIC_KEYS = ["affiliation", "country", "id", "kind", "name", "organizationName", "signedAt", "title", "website"];

  async function addSignature(letter: Letter, overrides: Record<string, unknown> = {}) {
    const id = unique();
    return db.signature.create({
      data: {
        letterId: letter.id, kind: "individual", name: `Person ${id}`, email: `person-${id}@example.org`,
        emailCanonical: `person-${id}@example.org`, emailDomain: "example.org", country: "FR", listPublicly: true,
        status: "counted", consentAt: new Date(), confirmedAt: new Date(), countedAt: new Date(), ...overrides,
      },
    });
  }

  it("lists only counted signatures whose signers chose to be listed", async () => {
    const letter = await createLetter();
    const other = await createLetter();
    const t = (s: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, s));
    const listed = await addSignature(letter, { countedAt: t(1), title: "Professor", affiliation: "Example University" });
    const org = await addSignature(letter, {
      kind: "organization", name: "Private Contact", organizationName: "Example Foundation", website: "https://example.org", countedAt: t(2),
    });
    await addSignature(letter, { listPublicly: false, countedAt: t(3) });
    for (const status of ["unverified", "awaiting_review", "hidden", "rejected", "fraud"]) {
      await addSignature(letter, { status, countedAt: status === "unverified" ? null : t(4) });
    }
    await addSignature(other, { countedAt: t(5) });

    const page = await listPublicSignatures({ letterId: letter.id });
    expect(page.nextCursor).toBeNull();
    expect(page.items).toEqual([
      { id: listed.id, kind: "individual", name: listed.name, title: "Professor", affiliation: "Example University", organizationName: null, website: null, country: "FR", signedAt: t(1).toISOString() },
      { id: org.id, kind: "organization", name: "Example Foundation", title: null, affiliation: null, organizationName: "Example Foundation", website: "https://example.org", country: "FR", signedAt: t(2).toISOString() },
    ]);
    expect(org.name).toBe("Private Contact");
    expect((await listPublicSignatures({ letterId: letter.id, kind: "organization" })).items.map((i) => i.name)).toEqual(["Example Foundation"]);
    expect((await listPublicSignatures({ letterId: letter.id, kind: "individual" })).items.map((i) => i.name)).toEqual([listed.name]);
  });

  it("never gives out an email or an organisation's contact person", async () => {
    const letter = await createLetter({ autoApproveMatchingDomain: true });
    const person = individual();
    const org = matchingOrganization("DE");
    await signAndConfirm(letter, person);
    await signAndConfirm(letter, org);

    const page = await listPublicSignatures({ letterId: letter.id });
    expect(page.items).toHaveLength(2);
    for (const item of page.items) expect(Object.keys(item).sort()).toEqual(PUBLIC_KEYS);
    const text = JSON.stringify(page);
    expect(text).not.toContain("@");
    expect(text).not.toContain(person.email);
    expect(text).not.toContain(org.email);
    expect(text).not.toContain(org.name);
  });

  it("pages through five signatures two at a time, in order, without repeats, ending with nextCursor null", async () => {
    const letter = await createLetter();
    const same = new Date(Date.UTC(2024, 5, 1));
    const rows = [
      await addSignature(letter, { countedAt: new Date(Date.UTC(2024, 5, 2)) }),
      await addSignature(letter, { countedAt: same }),
      await addSignature(letter, { countedAt: same }),
      await addSignature(letter, { countedAt: same }),
      await addSignature(letter, { countedAt: new Date(Date.UTC(2024, 4, 1)) }),
    ];
    const expected = [...rows]
      .sort((a, b) => a.countedAt!.getTime() - b.countedAt!.getTime() || (a.id < b.id ? -1 : 1))
      .map((r) => r.name);

    const names: string[] = [];
    const pages: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await listPublicSignatures({ letterId: letter.id, cursor, take: 2 });
      names.push(...page.items.map((i) => i.name));
      pages.push(page.items.length);
      if (page.nextCursor) expect(isValidCursor(page.nextCursor)).toBe(true);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);

    expect(pages).toEqual([2, 2, 1]);
    expect(names).toEqual(expected);
    expect(new Set(names).size).toBe(5);
    expect((await listPublicSignatures({ letterId: letter.id, take: 5 })).nextCursor).toBeNull();
  });

  it("recognises a cursor it did not make as invalid", () => {
    expect(isValidCursor(null)).toBe(true);
    expect(isValidCursor("garbage")).toBe(false);
    expect(isValidCursor(Buffer.from(JSON.stringify(["x", 1])).toString("base64url"))).toBe(false);
  });
});
