import crypto from "node:crypto";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { beforeAll, describe, expect, it } from "vitest";
import { configureDatabase, db } from "@/lib/db";
import { withHashedSessions } from "@/lib/auth/hashed-session-adapter";

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");
const unique = () => crypto.randomUUID().slice(0, 8);
const HOUR = 60 * 60 * 1000;
const LIFETIME = 7 * 24 * HOUR;

beforeAll(() => configureDatabase());

// Wired as lib/auth/auth.ts wires it.
const adapter = withHashedSessions(PrismaAdapter(db as never), {
  absoluteLifetimeMs: LIFETIME,
  createdAt: async (sessionToken) =>
    (await db.session.findUnique({ where: { sessionToken }, select: { createdAt: true } }))?.createdAt ?? null,
});

async function newSession() {
  const user = await db.user.create({ data: { email: `staff-${unique()}@example.org`, role: "moderator" } });
  const token = crypto.randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + 8 * HOUR);
  const created = await adapter.createSession!({ sessionToken: token, userId: user.id, expires });
  return { user, token, expires, created };
}

describe("withHashedSessions", () => {
  it("stores only the SHA-256 of a new session's token and hands back the raw token", async () => {
    const { user, token, expires, created } = await newSession();
    expect(created.sessionToken).toBe(token);
    expect(created.userId).toBe(user.id);

    const rows = await db.session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].sessionToken).not.toBe(token);
    expect(rows[0].sessionToken).toBe(sha256(token));
    expect(rows[0].sessionToken).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].expires.getTime()).toBe(expires.getTime());
    expect(await db.session.count({ where: { sessionToken: token } })).toBe(0);
  });

  it("finds a session and its user by the raw token, and returns the raw token", async () => {
    const { user, token } = await newSession();
    const found = await adapter.getSessionAndUser!(token);
    expect(found).not.toBeNull();
    expect(found!.session.sessionToken).toBe(token);
    expect(found!.session.userId).toBe(user.id);
    expect(found!.user).toMatchObject({ id: user.id, email: user.email });
  });

  it("opens nothing with the stored hash (a copy of the database is not a key)", async () => {
    const { user, token } = await newSession();
    expect(await adapter.getSessionAndUser!(sha256(token))).toBeNull();
    // and the session itself is still there for its owner
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await adapter.getSessionAndUser!(token)).not.toBeNull();
  });

  it("opens nothing with an unknown token", async () => {
    expect(await adapter.getSessionAndUser!(crypto.randomBytes(32).toString("base64url"))).toBeNull();
  });

  it("ends a session older than the absolute lifetime, however active, and deletes it", async () => {
    const { user, token } = await newSession();
    await db.session.update({
      where: { sessionToken: sha256(token) },
      data: { createdAt: new Date(Date.now() - LIFETIME - 60_000) },
    });
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("keeps a session just inside the absolute lifetime", async () => {
    const { user, token } = await newSession();
    await db.session.update({
      where: { sessionToken: sha256(token) },
      data: { createdAt: new Date(Date.now() - LIFETIME + 60_000) },
    });
    expect((await adapter.getSessionAndUser!(token))?.user.id).toBe(user.id);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("deleteSession with the raw token removes the row", async () => {
    const { user, token } = await newSession();
    const other = await newSession();
    await adapter.deleteSession!(token);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await adapter.getSessionAndUser!(token)).toBeNull();
    // another person's session is untouched
    expect(await db.session.count({ where: { userId: other.user.id } })).toBe(1);
  });

  it("updateSession with the raw token moves the expiry and returns the raw token", async () => {
    const { user, token } = await newSession();
    const later = new Date(Date.now() + 24 * HOUR);
    const updated = await adapter.updateSession!({ sessionToken: token, expires: later });
    expect(updated).toBeTruthy();
    expect(updated!.sessionToken).toBe(token);
    expect(updated!.expires.getTime()).toBe(later.getTime());

    const row = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.sessionToken).toBe(sha256(token));
    expect(row.expires.getTime()).toBe(later.getTime());
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});
