import { PrismaAdapter } from "@auth/prisma-adapter";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { staffForSession } from "@/lib/auth/find-role";
import { listPeople } from "@/lib/people/list-people";

// An address in ADMIN_EMAILS is an admin by that list alone. Its account is made by
// Auth.js at the first sign-in, with no role of its own, so that taking the address out
// of the list takes away all access, its open sessions included.

beforeAll(() => configureDatabase());

async function firstSignIn(email: string) {
  const user = await PrismaAdapter(db as never).createUser!({ id: crypto.randomUUID(), email, emailVerified: new Date() });
  await db.session.create({ data: { sessionToken: crypto.randomUUID(), userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
  return user;
}

describe("an address in ADMIN_EMAILS", () => {
  it("is an admin while listed, and loses all access, sessions included, once removed", async () => {
    const email = `boss-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const user = await firstSignIn(email);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("none");

    expect(await staffForSession({ id: user.id, email }, [email])).toEqual({ id: user.id, email, role: "admin" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

    // The operator takes the address out of ADMIN_EMAILS: the next request finds no role.
    expect(await staffForSession({ id: user.id, email }, [])).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("keeps a role an admin gave the account, and lists only people with access", async () => {
    const email = `mod-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const user = await firstSignIn(email);
    expect((await listPeople()).some((person) => person.email === email)).toBe(false);
    await db.user.update({ where: { id: user.id }, data: { role: "moderator" } });
    expect(await staffForSession({ id: user.id, email }, [])).toMatchObject({ role: "moderator" });
    expect((await listPeople()).find((person) => person.email === email)).toMatchObject({ role: "moderator", fromEnv: false });
  });
});
