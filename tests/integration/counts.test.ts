import crypto from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { adjustCount } from "@/lib/counts/adjust-count";
import { COUNTS_TTL_MS, letterCounts } from "@/lib/counts/letter-counts";
import { letterHistory } from "@/lib/counts/letter-history";
import { rollUpCounts, startCountRollUp } from "@/lib/counts/roll-up-counts";
import { forgetLetter } from "@/lib/memory/letter-changed";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { isValidCursor, listPublicSignatures } from "@/lib/signatures/list-public-signatures";
import { signLetter } from "@/lib/signatures/sign-letter";
import { countsOf, createLetter, individual, latestConfirmToken, organization, signAndConfirm } from "../support/factories";

const unique = () => crypto.randomUUID().slice(0, 8);
type Letter = Awaited<ReturnType<typeof createLetter>>;

beforeAll(() => configureDatabase());
afterEach(() => vi.useRealTimers());

async function historyOf(letter: Letter) {
  forgetLetter({ what: "counts" });
  return letterHistory({ letterId: letter.id });
}

const pendingOf = (letter: Letter) => db.countChange.count({ where: { letterId: letter.id } });

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

describe("counts with changes not yet rolled up", () => {
  type Change = { country: string; kind: string; delta: number; day?: string };
  async function change(letter: Letter, changes: Change[]) {
    await db.$transaction(async (tx) => {
      for (const { day, ...c } of changes) {
        await adjustCount(tx, { letterId: letter.id, ...c, now: day ? new Date(`${day}T12:00:00Z`) : undefined });
      }
    });
  }
  // Work running "at once" takes turns through the event loop: the SQLite adapter answers
  // without giving one up, so each loop waits for the next turn.
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  it("are exact before a roll-up and after it, a moderator's negative changes included, and updatedAt stays put", async () => {
    const letter = await createLetter();
    const today = new Date().toISOString().slice(0, 10);
    await change(letter, [
      { country: "FR", kind: "individual", delta: 1, day: "2026-01-10" },
      { country: "FR", kind: "individual", delta: 1, day: "2026-01-10" },
      { country: "FR", kind: "organization", delta: 1, day: "2026-01-11" },
      { country: "DE", kind: "individual", delta: 1, day: "2026-01-11" },
      { country: "DE", kind: "individual", delta: 1, day: "2026-01-12" },
      { country: "DE", kind: "individual", delta: -1, day: "2026-01-12" },
      { country: "IT", kind: "individual", delta: 1 },
      { country: "IT", kind: "individual", delta: -1 },
      { country: "FR", kind: "individual", delta: 1 },
    ]);
    const expected = {
      total: 5, individuals: 4, organizations: 1,
      countries: [
        { country: "FR", name: "France", total: 4, individuals: 3, organizations: 1 },
        { country: "DE", name: "Germany", total: 1, individuals: 1, organizations: 0 },
      ],
    };
    const before = await countsOf(letter);
    const history = await historyOf(letter);
    expect(before).toMatchObject(expected);
    expect(history[0]).toEqual({ day: "2026-01-10", total: 2, individuals: 2, organizations: 0, added: 2 });
    expect(history.find((d) => d.day === "2026-01-12")).toEqual({ day: "2026-01-12", total: 4, individuals: 3, organizations: 1, added: 0 });
    expect(history.at(-1)).toEqual({ day: today, total: 5, individuals: 4, organizations: 1, added: 1 });
    expect(await pendingOf(letter)).toBe(9);

    expect(await rollUpCounts()).toBeGreaterThanOrEqual(9);
    expect(await pendingOf(letter)).toBe(0);
    expect(await countsOf(letter)).toEqual(before);
    expect(await historyOf(letter)).toEqual(history);

    // counted partly in the counters, partly still pending
    await change(letter, [{ country: "FR", kind: "individual", delta: -1 }, { country: "ES", kind: "organization", delta: 1 }]);
    const mixed = await countsOf(letter);
    expect(mixed).toMatchObject({ total: 5, individuals: 3, organizations: 2 });
    expect(mixed.countries.map((c) => [c.country, c.total])).toEqual([["FR", 3], ["DE", 1], ["ES", 1]]);
    expect((await historyOf(letter)).at(-1)).toMatchObject({ day: today, total: 5, added: 1 });
    await rollUpCounts();
    expect(await countsOf(letter)).toEqual(mixed);
  });

  it("stay exact while 200 confirmations and roll-ups run at once: the total read never dips or overshoots", { timeout: 90_000 }, async () => {
    const letter = await createLetter();
    const countries = ["FR", "DE", "IT", "ES", "PL"];
    const signers = Array.from({ length: 200 }, (_, i) => individual({ country: countries[i % countries.length] }));
    for (let i = 0; i < signers.length; i += 50) {
      await Promise.all(signers.slice(i, i + 50).map((input) => signLetter({ slug: letter.slug, input })));
    }
    const tokens = await Promise.all(signers.map((input) => latestConfirmToken(input.email)));

    let confirming = true;
    let folded = 0;
    const rollingUp = (async () => {
      while (confirming) {
        folded += await rollUpCounts({ batchSize: 4 });
        await turn();
      }
    })();
    // Each reader's totals, in the order it read them.
    const readers = Array.from({ length: 3 }, () => ({ totals: [] as number[], done: Promise.resolve() }));
    for (const reader of readers) {
      reader.done = (async () => {
        while (confirming) {
          reader.totals.push((await countsOf(letter)).total);
          await turn();
        }
      })();
    }
    await Promise.all(Array.from({ length: 20 }, async (_, confirmer) => {
      for (let i = confirmer; i < tokens.length; i += 20) {
        await confirmSignature({ token: tokens[i] });
        await turn();
      }
    }));
    confirming = false;
    await Promise.all([rollingUp, ...readers.map((r) => r.done)]);

    expect(folded).toBeGreaterThan(0); // roll-ups really ran between the confirmations
    for (const { totals } of readers) {
      expect(totals.length).toBeGreaterThan(1);
      expect(totals.every((total, i) => total <= 200 && (i === 0 || total >= totals[i - 1]))).toBe(true);
    }
    const expected = countries.map((country) => ({ country, total: 40 }));
    const check = async () => {
      const counts = await countsOf(letter);
      expect(counts.total).toBe(200);
      expect(counts.countries.map(({ country, total }) => ({ country, total })).sort((a, b) => a.country.localeCompare(b.country)))
        .toEqual(expected.sort((a, b) => a.country.localeCompare(b.country)));
      expect((await historyOf(letter)).at(-1)?.total).toBe(200);
    };
    await check();
    await rollUpCounts();
    expect(await pendingOf(letter)).toBe(0);
    await check();
    expect(await db.signature.count({ where: { letterId: letter.id, status: "counted" } })).toBe(200);
  });

  it("a reader during a roll-up sees each change once: the counts stay put while 400 changes are folded in small batches", async () => {
    const letter = await createLetter();
    for (let t = 0; t < 20; t++) {
      await change(letter, Array.from({ length: 20 }, (_, i) => ({ country: ["FR", "DE"][i % 2], kind: "individual", delta: i === 0 ? -1 : 1 })));
    }
    const expected = await countsOf(letter);
    expect(expected.total).toBe(360);
    let rolling = true;
    const seen: string[] = [];
    const rollingUp = rollUpCounts({ batchSize: 5 }).finally(() => (rolling = false));
    await Promise.all(Array.from({ length: 3 }, async () => {
      while (rolling) {
        const counts = await countsOf(letter);
        seen.push(counts.countries.map((c) => `${c.country}:${c.total}`).join(" "));
        await turn();
      }
    }));
    expect(await rollingUp).toBeGreaterThanOrEqual(400);
    expect(await pendingOf(letter)).toBe(0);
    expect(new Set(seen)).toEqual(new Set(["DE:200 FR:160"]));
    expect(await countsOf(letter)).toEqual(expected);
  });

  it("two roll-ups at once fold every change exactly once", async () => {
    await rollUpCounts(); // what earlier tests left pending
    const [a, b] = [await createLetter(), await createLetter()];
    const expected = new Map<string, number>();
    for (let t = 0; t < 30; t++) {
      const changes = Array.from({ length: 10 }, (_, i) => ({
        country: ["FR", "DE", "IT"][(t + i) % 3],
        kind: i % 4 === 0 ? "organization" : "individual",
        delta: i === 9 ? -1 : 1,
        day: `2026-02-0${1 + (t % 5)}`,
      }));
      const letter = t % 2 ? a : b;
      await change(letter, changes);
      for (const c of changes) expected.set(letter.id, (expected.get(letter.id) ?? 0) + c.delta);
    }
    const before = [await countsOf(a), await countsOf(b), await historyOf(a), await historyOf(b)] as const;
    expect(before[0].total).toBe(expected.get(a.id));
    expect(before[1].total).toBe(expected.get(b.id));

    const folded = await Promise.all([rollUpCounts({ batchSize: 25 }), rollUpCounts({ batchSize: 25 })]);
    expect(folded[0] + folded[1]).toBe(300);
    expect(await db.countChange.count()).toBe(0);
    expect([await countsOf(a), await countsOf(b), await historyOf(a), await historyOf(b)]).toEqual(before);
    const shards = await db.countShard.aggregate({ where: { letterId: { in: [a.id, b.id] } }, _sum: { count: true } });
    expect(shards._sum.count).toBe(expected.get(a.id)! + expected.get(b.id)!);
  });
});

describe("startCountRollUp", () => {
  it("folds what confirmations append within a couple of seconds in the background, and the counts do not move", async () => {
    const letter = await createLetter();
    for (const country of ["FR", "DE", "FR"]) await signAndConfirm(letter, individual({ country }));
    const counted = await countsOf(letter);
    expect(await pendingOf(letter)).toBe(3);
    const stop = startCountRollUp();
    try {
      expect(startCountRollUp()).toBe(stop); // one worker per process
      const started = Date.now();
      while ((await pendingOf(letter)) > 0 && Date.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await pendingOf(letter)).toBe(0);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(await countsOf(letter)).toEqual(counted);
    } finally {
      stop();
    }
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
