import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import type { Staff } from "@/lib/auth/require-staff";
import { rollUpCounts } from "@/lib/counts/roll-up-counts";
import { AppError } from "@/lib/http/app-error";
import { moderateMatching } from "@/lib/moderation/moderate-matching";
import { moderateSignatures } from "@/lib/moderation/moderate-signatures";
import { reviewQueue } from "@/lib/moderation/review-queue";
import { countSignatures, searchSignatures } from "@/lib/moderation/search-signatures";
import { canonicalEmail } from "@/lib/signatures/canonical-email";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { signLetter } from "@/lib/signatures/sign-letter";
import type { SignatureFilter } from "@/lib/validation/signature-filter";
import type { SignatureInput } from "@/lib/validation/signature";
import { countsOf, createLetter, individual, latestConfirmToken, organization } from "../support/factories";

type Letter = Awaited<ReturnType<typeof createLetter>>;
const unique = () => crypto.randomUUID().slice(0, 8);
let actor: Staff;

beforeAll(async () => {
  await configureDatabase();
  const user = await db.user.create({ data: { email: `mod-${unique()}@example.org`, role: "moderator" } });
  actor = { id: user.id, email: user.email, role: "moderator" };
});

/** Signs (and, unless told not to, confirms) through the real flow, so counters agree with states. */
async function sign(letter: Letter, input: SignatureInput = individual(), confirm = true) {
  await signLetter({ slug: letter.slug, input });
  if (confirm) await confirmSignature({ token: await latestConfirmToken(input.email) });
  return db.signature.findFirstOrThrow({ where: { letterId: letter.id, email: input.email } });
}
const statusOf = async (id: string) => (await db.signature.findUniqueOrThrow({ where: { id } })).status;
const audits = (letterId: string) => db.auditLog.findMany({ where: { letterId }, orderBy: { createdAt: "asc" } });
/** A signature written straight to the table (for search: counters do not matter there). */
async function addRow(letter: Letter, name: string, email: string, createdAt: string | Date, data: Record<string, unknown> = {}) {
  const { canonical, domain } = canonicalEmail(email);
  return db.signature.create({
    data: {
      letterId: letter.id, kind: "individual", name, email, emailCanonical: canonical, emailDomain: domain, country: "FR",
      listPublicly: true, status: "counted", consentAt: new Date(), createdAt: new Date(createdAt), ...data,
    },
  });
}
const moderate = (ids: string[], action: Parameters<typeof moderateSignatures>[0]["action"], reason?: string, now?: Date) =>
  moderateSignatures({ actor, ids, action, reason, now });

describe("moderateSignatures", () => {
  it("approving an awaiting organisation counts it, sets countedAt and writes one audit entry", async () => {
    const letter = await createLetter();
    const org = await sign(letter, organization({ country: "DE" }));
    expect(org.status).toBe("awaiting_review");
    expect(await moderate([org.id], "approve")).toEqual({ changed: 1, skipped: 0 });

    const after = await db.signature.findUniqueOrThrow({ where: { id: org.id } });
    expect(after).toMatchObject({ status: "counted", countedAt: expect.any(Date) });
    expect(await countsOf(letter)).toMatchObject({ total: 1, organizations: 1, individuals: 0 });
    const log = await audits(letter.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: "signature.approve", actorId: actor.id, actorEmail: actor.email, targetType: "signature", targetId: org.id, reason: null });
    expect(JSON.parse(log[0].detail)).toEqual({ from: "awaiting_review", to: "counted" });
  });

  it("rejecting without a reason is 422 reason_required and changes nothing", async () => {
    const letter = await createLetter();
    const person = await sign(letter);
    for (const reason of [undefined, "", "   "]) {
      const error = await moderate([person.id], "reject", reason).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 422, code: "reason_required" });
    }
    await expect(moderate([person.id], "fraud")).rejects.toMatchObject({ code: "reason_required" });
    expect(await statusOf(person.id)).toBe("counted");
    expect((await countsOf(letter)).total).toBe(1);
    expect(await audits(letter.id)).toHaveLength(0);
  });

  it("rejecting with a reason stops the count and keeps the reason", async () => {
    const letter = await createLetter();
    const person = await sign(letter);
    await sign(letter);
    expect(await moderate([person.id], "reject", "  Spam signature  ")).toEqual({ changed: 1, skipped: 0 });
    expect(await db.signature.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ status: "rejected", moderationReason: "Spam signature" });
    expect((await countsOf(letter)).total).toBe(1);
    const [entry] = await audits(letter.id);
    expect(entry).toMatchObject({ action: "signature.reject", reason: "Spam signature", targetId: person.id });
    expect(JSON.parse(entry.detail)).toEqual({ from: "counted", to: "rejected" });
  });

  it("hide and fraud decrement; restore brings back a confirmed one as counted and an unconfirmed one as unverified", async () => {
    const letter = await createLetter();
    const [a, b] = [await sign(letter, individual({ country: "FR" })), await sign(letter, individual({ country: "FR" }))];
    const pending = await sign(letter, individual(), false);
    expect((await countsOf(letter)).total).toBe(2);
    await moderate([a.id], "hide");
    expect((await countsOf(letter)).total).toBe(1);
    await moderate([b.id], "fraud", "Made-up person");
    expect(await countsOf(letter)).toMatchObject({ total: 0, countries: [] });
    await moderate([pending.id], "reject", "Nonsense");
    expect((await countsOf(letter)).total).toBe(0);

    expect(await moderate([a.id, b.id], "restore")).toEqual({ changed: 2, skipped: 0 });
    expect([await statusOf(a.id), await statusOf(b.id)]).toEqual(["counted", "counted"]);
    expect((await countsOf(letter)).countries).toEqual([{ country: "FR", name: "France", total: 2, individuals: 2, organizations: 0 }]);
    await moderate([pending.id], "restore");
    expect(await statusOf(pending.id)).toBe("unverified");
    expect((await countsOf(letter)).total).toBe(2);
    expect((await audits(letter.id)).map((e) => e.action.slice(10)).sort()).toEqual(["fraud", "hide", "reject", "restore", "restore", "restore"]);
  });

  it("skips a signature the action does not apply to, and records nothing for it", async () => {
    const letter = await createLetter();
    const pending = await sign(letter, individual(), false);
    const person = await sign(letter);
    expect(await moderate([pending.id], "hide")).toEqual({ changed: 0, skipped: 1 });
    expect(await moderate([person.id], "restore")).toEqual({ changed: 0, skipped: 1 });
    expect(await moderate([person.id], "approve")).toEqual({ changed: 0, skipped: 1 }); // counted, no flags
    expect(await moderate(["no-such-signature"], "hide")).toEqual({ changed: 0, skipped: 1 });
    expect([await statusOf(pending.id), await statusOf(person.id)]).toEqual(["unverified", "counted"]);
    expect(await audits(letter.id)).toHaveLength(0);
    expect((await countsOf(letter)).total).toBe(1);
  });

  it("approving a counted flagged signature clears its flags and leaves the count alone", async () => {
    const letter = await createLetter();
    const person = await sign(letter);
    await db.signature.update({ where: { id: person.id }, data: { flags: "disposable_email" } });
    expect(await moderate([person.id], "approve")).toEqual({ changed: 1, skipped: 0 });
    expect(await db.signature.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ status: "counted", flags: "" });
    expect((await countsOf(letter)).total).toBe(1);
    expect(JSON.parse((await audits(letter.id))[0].detail)).toEqual({ from: "counted", to: "counted" });
  });

  it("two moderators rejecting the same signature at once decrement the count once", async () => {
    const letter = await createLetter();
    const person = await sign(letter);
    await sign(letter);
    const results = await Promise.all([moderate([person.id], "reject", "dup"), moderate([person.id], "reject", "dup")]);
    expect(results.map((r) => r.changed).sort()).toEqual([0, 1]);
    expect((await countsOf(letter)).total).toBe(1);
    await rollUpCounts(); // the counters themselves, once the pending changes are folded in
    const shards = await db.countShard.aggregate({ where: { letterId: letter.id }, _sum: { count: true } });
    expect(shards._sum.count).toBe(1);
    expect(await audits(letter.id)).toHaveLength(1);
  });

  it("keeps the day-by-day history in step: the daily net changes add up to the counted total", async () => {
    const letter = await createLetter();
    const people = [await sign(letter), await sign(letter), await sign(letter), await sign(letter)];
    const day1 = new Date("2099-01-01T12:00:00Z");
    const day2 = new Date("2099-01-02T12:00:00Z");
    await moderate([people[0].id, people[1].id], "hide", undefined, day1);
    await moderate([people[2].id], "fraud", "bot", day1);
    await moderate([people[0].id], "restore", undefined, day2);

    await rollUpCounts();
    const daily = await db.dailyCount.findMany({ where: { letterId: letter.id } });
    expect(Object.fromEntries(daily.filter((d) => d.day.startsWith("2099")).map((d) => [d.day, d.count]))).toEqual({ "2099-01-01": -3, "2099-01-02": 1 });
    const sum = daily.reduce((s, d) => s + d.count, 0);
    expect(sum).toBe(2);
    expect((await countsOf(letter)).total).toBe(sum);
    expect(await db.signature.count({ where: { letterId: letter.id, status: "counted" } })).toBe(sum);
  });
});

describe("moderateMatching", () => {
  it("hides everything from one domain in one run, with one summary audit entry", async () => {
    const letter = await createLetter();
    const flood = [];
    for (let i = 0; i < 7; i++) flood.push(await sign(letter, individual({ email: `bot${i}-${unique()}@flood.example` })));
    const others = [await sign(letter), await sign(letter, individual({ email: `flood-${unique()}@example.org` })), await sign(letter)];
    expect((await countsOf(letter)).total).toBe(10);

    const filter: SignatureFilter = { q: "@flood.example" };
    expect(await countSignatures({ letterId: letter.id, filter })).toBe(7);
    expect(await moderateMatching({ actor, letterId: letter.id, filter, action: "hide" })).toEqual({ changed: 7, skipped: 0 });

    expect((await countsOf(letter)).total).toBe(3);
    for (const s of flood) expect(await statusOf(s.id)).toBe("hidden");
    for (const s of others) expect(await statusOf(s.id)).toBe("counted");
    const log = await audits(letter.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: "signature.bulk_hide", actorId: actor.id, targetId: null });
    expect(JSON.parse(log[0].detail)).toMatchObject({ changed: 7, skipped: 0, filter: { q: "@flood.example" } });
  });
});

describe("searchSignatures and countSignatures", () => {
  let letter: Letter;
  beforeAll(async () => {
    letter = await createLetter();
    const row = (...args: [string, string, string, Record<string, unknown>?]) => addRow(letter, ...args);
    await row("Alice Martin", "alice.martin@example.org", "2024-05-01T10:00:00Z");
    await row("Bob Stone", "Bob+news@Example.org", "2024-05-02T00:00:00Z", { status: "unverified", country: "DE" });
    await row("Carol Contact", "carol@acme.example", "2024-05-02T23:59:59.999Z", { kind: "organization", organizationName: "Acme", status: "awaiting_review", country: "DE" });
    await row("Dan Flagged", "dan@mailinator.com", "2024-05-03T00:00:00Z", { flags: "disposable_email" });
    await row("Eve Martinez", "eve@acme.example", "2024-04-30T23:59:59Z", { status: "rejected", country: "IT" });
    // the same person on another letter is not this letter's
    await addRow(await createLetter(), "Alice Martin", "alice.martin@example.org", "2024-05-01T10:00:00Z");
  });

  it.each<[string, SignatureFilter, string[]]>([
    ["no filter", {}, ["Dan Flagged", "Carol Contact", "Bob Stone", "Alice Martin", "Eve Martinez"]],
    ["kind", { kind: "organization" }, ["Carol Contact"]],
    ["status", { status: "counted" }, ["Dan Flagged", "Alice Martin"]],
    ["country", { country: "DE" }, ["Carol Contact", "Bob Stone"]],
    ["flagged", { flagged: true }, ["Dan Flagged"]],
    ["one day, both ends inclusive", { from: "2024-05-02", to: "2024-05-02" }, ["Carol Contact", "Bob Stone"]],
    ["from a day", { from: "2024-05-02" }, ["Dan Flagged", "Carol Contact", "Bob Stone"]],
    ["up to a day", { to: "2024-05-01" }, ["Alice Martin", "Eve Martinez"]],
    ["name substring", { q: "Martin" }, ["Alice Martin", "Eve Martinez"]],
    ["name substring, other case", { q: "martin" }, ["Alice Martin", "Eve Martinez"]],
    ["email, other case", { q: "ALICE.MARTIN@example.org" }, ["Alice Martin"]],
    ["email, +tag and case ignored", { q: "bob+other@EXAMPLE.org" }, ["Bob Stone"]],
    ["@domain", { q: "@Acme.example" }, ["Carol Contact", "Eve Martinez"]],
    ["@domain and status", { q: "@acme.example", status: "rejected" }, ["Eve Martinez"]],
    ["nothing matches", { q: "@nowhere.example" }, []],
  ])("filters by %s", async (_label, filter, names) => {
    const page = await searchSignatures({ letterId: letter.id, filter });
    expect(page.items.map((s) => s.name)).toEqual(names);
    expect(page.nextCursor).toBeNull();
    expect(await countSignatures({ letterId: letter.id, filter })).toBe(names.length);
  });

  it("pages newest first by keyset, three at a time, with no repeats or gaps", async () => {
    const paged = await createLetter();
    const rows = [];
    // three rows share each timestamp, so the id breaks ties
    for (let i = 0; i < 8; i++) rows.push(await addRow(paged, `P${i}`, `p${i}@example.org`, new Date(Date.UTC(2024, 6, 1 + Math.floor(i / 3)))));
    const expected = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);
    const [seen, sizes]: [string[], number[]] = [[], []];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof searchSignatures>> = await searchSignatures({ letterId: paged.id, filter: {}, cursor, take: 3 });
      seen.push(...page.items.map((s) => s.id));
      sizes.push(page.items.length);
      cursor = page.nextCursor;
    } while (cursor && sizes.length < 10);
    expect(sizes).toEqual([3, 3, 2]);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(8);
  });
});

describe("reviewQueue", () => {
  it("lists awaiting organisations and flagged counted or unverified signatures, not removed ones", async () => {
    const letter = await createLetter();
    const org = await sign(letter, organization());
    const flaggedCounted = await sign(letter);
    const flaggedPending = await sign(letter, individual(), false);
    const [flaggedRejected, flaggedHidden, plain] = [await sign(letter), await sign(letter), await sign(letter)];
    await moderate([flaggedRejected.id], "reject", "spam");
    await moderate([flaggedHidden.id], "hide");
    const flagged = [flaggedCounted, flaggedPending, flaggedRejected, flaggedHidden];
    await db.signature.updateMany({ where: { id: { in: flagged.map((s) => s.id) } }, data: { flags: "many_from_one_address" } });

    const queue = await reviewQueue({ take: 1000 });
    const mine = (items: { id: string }[]) => items.map((s) => s.id).filter((id) => [org, plain, ...flagged].some((s) => s.id === id));
    expect(mine(queue.organizations)).toEqual([org.id]);
    expect(mine(queue.flagged).sort()).toEqual([flaggedCounted.id, flaggedPending.id].sort());
    expect(queue.organizations.every((s) => s.status === "awaiting_review")).toBe(true);
    expect(queue.waiting).toBe(await db.signature.count({ where: { status: "awaiting_review" } }));
    expect(queue.organizations.find((s) => s.id === org.id)?.letter.slug).toBe(letter.slug);
  });
});
