import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { addPerson } from "@/lib/people/add-person";
import { changeRole } from "@/lib/people/change-role";
import { operatorAddPerson } from "@/lib/people/operator-add-person";
import { setPersonDisabled } from "@/lib/people/set-person-disabled";
import { personInputSchema } from "@/lib/validation/person";

const admin = { id: "", email: "people-admin@letters.test", role: "admin" as const };
let n = 0;
const address = () => `person-${++n}-${Date.now().toString(36)}@example.org`;

beforeAll(async () => {
  await configureDatabase();
  admin.id = (await db.user.create({ data: { email: admin.email, role: "admin" } })).id;
});

describe("people", () => {
  it("adds a person (address lower-cased) with who added them, and refuses the same address twice", async () => {
    const email = address();
    const input = personInputSchema.parse({ email: email.toUpperCase(), role: "moderator" });
    const { id } = await addPerson({ actor: admin, input });
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ email, role: "moderator", addedById: admin.id });
    const entry = await db.auditLog.findFirstOrThrow({ where: { targetId: id, action: "user.add" } });
    expect(JSON.parse(entry.detail)).toEqual({ email, role: "moderator" });
    await expect(addPerson({ actor: admin, input })).rejects.toMatchObject({ status: 422, fields: { email: [expect.stringMatching(/already/)] } });
  });

  it("changes a role and disables (ending their sessions) with an audit entry each; not one's own account", async () => {
    const { id } = await addPerson({ actor: admin, input: { email: address(), role: "moderator" } });
    await db.session.create({ data: { sessionToken: `hash-${id}`, userId: id, expires: new Date(Date.now() + 60_000) } });
    await changeRole({ actor: admin, userId: id, role: "admin" });
    await setPersonDisabled({ actor: admin, userId: id, disabled: true });
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ role: "admin", disabledAt: expect.any(Date) });
    expect(await db.session.count({ where: { userId: id } })).toBe(0);
    const actions = (await db.auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } })).map((e) => [e.action, JSON.parse(e.detail)]);
    expect(actions).toEqual([
      ["user.add", expect.anything()],
      ["user.role", expect.objectContaining({ from: "moderator", to: "admin" })],
      ["user.disable", expect.objectContaining({ disabled: true })],
    ]);
    await expect(changeRole({ actor: admin, userId: admin.id, role: "moderator" })).rejects.toMatchObject({ code: "own_account" });
    await expect(setPersonDisabled({ actor: admin, userId: admin.id, disabled: true })).rejects.toMatchObject({ code: "own_account" });
  });

  it("operator: adds, then updates and re-enables, then reports nothing to do", async () => {
    const email = address();
    expect(await operatorAddPerson({ input: { email, role: "moderator" } })).toBe("added");
    await db.user.update({ where: { email }, data: { disabledAt: new Date() } });
    expect(await operatorAddPerson({ input: { email, role: "admin" } })).toBe("updated");
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ role: "admin", disabledAt: null });
    expect(await operatorAddPerson({ input: { email, role: "admin" } })).toBe("unchanged");
  });
});

describe("listAuditLog", () => {
  it("pages newest first without gaps or repeats, and filters by action", async () => {
    const base = Date.UTC(2026, 5, 1);
    // Pairs share a timestamp, so the cursor's id tie-break matters.
    await db.auditLog.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        actorEmail: admin.email, action: "audit.test", targetType: "letter", createdAt: new Date(base + Math.floor(i / 2) * 1000), detail: `{"i":${i}}`,
      })),
    });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listAuditLog>> = await listAuditLog({ action: "audit.test", cursor, take: 3 });
      seen.push(...page.items.map((e) => e.detail.i as number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 1)).toEqual([6]);
    expect(seen.at(-1)).toBeLessThanOrEqual(1);
  });
});
