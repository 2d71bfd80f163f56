import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { createLetter } from "@/lib/letters/create-letter";
import { getPublicLetter } from "@/lib/letters/get-public-letter";
import { updateLetter } from "@/lib/letters/update-letter";
import { letterInputSchema, type LetterInput } from "@/lib/validation/letter";

const admin = { id: "", email: "editor@letters.test", role: "admin" as const };

beforeAll(async () => {
  await configureDatabase();
  admin.id = (await db.user.create({ data: { email: admin.email, role: "admin" } })).id;
});

function input(overrides: Partial<Record<keyof LetterInput, unknown>> = {}): LetterInput {
  return letterInputSchema.parse({
    title: "A letter for a test",
    slug: `admin-letter-${crypto.randomUUID().slice(0, 8)}`,
    summary: "Written by a test.",
    body: "## Text\n\nFor a test.",
    kind: "open_letter",
    status: "draft",
    closesAt: "",
    goal: "",
    addressedTo: "",
    allowIndividuals: true,
    allowOrganizations: true,
    autoApproveMatchingDomain: false,
    ...overrides,
  });
}

const auditOf = (letterId: string, action: string) => db.auditLog.findMany({ where: { letterId, action } });

describe("createLetter", () => {
  it("creates a draft that the public cannot see, with a letter.create audit entry", async () => {
    const data = input({ goal: "250" });
    const { id, slug } = await createLetter({ actor: admin, input: data });
    expect(slug).toBe(data.slug);
    expect(await db.letter.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "draft", goal: 250, publishedAt: null });
    expect(await getPublicLetter({ slug })).toBeNull();
    const [entry] = await auditOf(id, "letter.create");
    expect(entry).toMatchObject({ actorId: admin.id, actorEmail: admin.email, targetType: "letter", targetId: id });
    expect(JSON.parse(entry.detail)).toMatchObject({ slug, status: "draft" });
  });

  it("answers a duplicate address with a field error on slug, and writes nothing", async () => {
    const first = await createLetter({ actor: admin, input: input() });
    const before = await db.auditLog.count();
    await expect(createLetter({ actor: admin, input: input({ slug: first.slug, title: "Other" }) })).rejects.toMatchObject({
      status: 422,
      code: "slug_taken",
      fields: { slug: ["Another letter already uses this address."] },
    });
    expect(await db.letter.count({ where: { slug: first.slug } })).toBe(1);
    expect(await db.auditLog.count()).toBe(before);
  });
});

describe("updateLetter", () => {
  it("saves the changes and records the changed fields, with before and after for short ones", async () => {
    const original = input({ status: "open" });
    const { id, slug } = await createLetter({ actor: admin, input: original });
    const result = await updateLetter({
      actor: admin,
      slug,
      input: { ...original, status: "paused", body: "## New text", closesAt: new Date("2030-01-01T00:00:00Z") },
    });
    expect(result.changed.sort()).toEqual(["body", "closesAt", "status"]);
    expect(await getPublicLetter({ slug })).toMatchObject({ status: "paused", body: "## New text" });
    const [entry] = await auditOf(id, "letter.update");
    const detail = JSON.parse(entry.detail);
    expect(detail.changed.sort()).toEqual(["body", "closesAt", "status"]);
    expect(detail.from).toEqual({ status: "open", closesAt: null });
    expect(detail.to).toEqual({ status: "paused", closesAt: "2030-01-01T00:00:00.000Z" });
  });

  it("publishes a draft when it is first opened and keeps that date afterwards", async () => {
    const draft = input();
    const { id, slug } = await createLetter({ actor: admin, input: draft });
    const opened = new Date("2026-03-01T10:00:00Z");
    await updateLetter({ actor: admin, slug, input: { ...draft, status: "open" }, now: opened });
    await updateLetter({ actor: admin, slug, input: { ...draft, status: "closed" }, now: new Date("2026-04-01T00:00:00Z") });
    expect((await db.letter.findUniqueOrThrow({ where: { id } })).publishedAt).toEqual(opened);
  });

  it("notes when a letter closes, keeps that time through later edits, and forgets it when the letter reopens", async () => {
    const data = input({ status: "open" });
    const { id, slug } = await createLetter({ actor: admin, input: data });
    const closed = new Date("2026-04-01T00:00:00Z");
    await updateLetter({ actor: admin, slug, input: { ...data, status: "closed" }, now: closed });
    expect((await db.letter.findUniqueOrThrow({ where: { id } })).closedAt).toEqual(closed);
    await updateLetter({ actor: admin, slug, input: { ...data, status: "closed", title: "Edited after closing" }, now: new Date("2026-05-01T00:00:00Z") });
    expect((await db.letter.findUniqueOrThrow({ where: { id } })).closedAt).toEqual(closed);
    await updateLetter({ actor: admin, slug, input: { ...data, status: "open" }, now: new Date("2026-06-01T00:00:00Z") });
    expect((await db.letter.findUniqueOrThrow({ where: { id } })).closedAt).toBeNull();
  });

  it("gives a letter closed before closing times were kept its last change as its closing time at its next edit", async () => {
    const data = input({ status: "closed" });
    const { id, slug } = await createLetter({ actor: admin, input: data });
    const { updatedAt } = await db.letter.update({ where: { id }, data: { closedAt: null } });
    await updateLetter({ actor: admin, slug, input: { ...data, anonymizeAfterMonths: 12 }, now: new Date(updatedAt.getTime() + 86_400_000) });
    expect(await db.letter.findUniqueOrThrow({ where: { id } })).toMatchObject({ closedAt: updatedAt, anonymizeAfterMonths: 12 });
  });

  it("moves a letter to a new address, but not onto another letter's", async () => {
    const taken = await createLetter({ actor: admin, input: input() });
    const data = input();
    const { id, slug } = await createLetter({ actor: admin, input: data });
    await expect(updateLetter({ actor: admin, slug, input: { ...data, slug: taken.slug } })).rejects.toMatchObject({
      fields: { slug: ["Another letter already uses this address."] },
    });
    const moved = `${slug}-moved`;
    expect((await updateLetter({ actor: admin, slug, input: { ...data, slug: moved } })).slug).toBe(moved);
    expect((await db.letter.findUniqueOrThrow({ where: { id } })).slug).toBe(moved);
  });

  it("writes no audit entry when nothing changed, and 404s an unknown letter", async () => {
    const data = input();
    const { id, slug } = await createLetter({ actor: admin, input: data });
    expect(await updateLetter({ actor: admin, slug, input: data })).toEqual({ slug, changed: [] });
    expect(await auditOf(id, "letter.update")).toHaveLength(0);
    await expect(updateLetter({ actor: admin, slug: "no-such-letter", input: data })).rejects.toMatchObject({ status: 404 });
  });
});
