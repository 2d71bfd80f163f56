import crypto from "node:crypto";
import type { Adapter } from "next-auth/adapters";

// Session tokens, like every other token here, are kept only as SHA-256 hashes: the
// cookie holds the token, the database its hash, so a copy of the database opens no
// session. Sessions also end at an absolute lifetime, however active they are.

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export function withHashedSessions(
  adapter: Adapter,
  { absoluteLifetimeMs, createdAt }: { absoluteLifetimeMs: number; createdAt: (hashedToken: string) => Promise<Date | null> },
): Adapter {
  return {
    ...adapter,
    async createSession(session) {
      const created = await adapter.createSession!({ ...session, sessionToken: hash(session.sessionToken) });
      return { ...created, sessionToken: session.sessionToken };
    },
    async getSessionAndUser(sessionToken) {
      const hashed = hash(sessionToken);
      const found = await adapter.getSessionAndUser!(hashed);
      if (!found) return null;
      const started = await createdAt(hashed);
      if (!started || Date.now() - started.getTime() > absoluteLifetimeMs) {
        await adapter.deleteSession!(hashed);
        return null;
      }
      return { ...found, session: { ...found.session, sessionToken } };
    },
    async updateSession(session) {
      const updated = await adapter.updateSession!({ ...session, sessionToken: hash(session.sessionToken) });
      return updated ? { ...updated, sessionToken: session.sessionToken } : updated;
    },
    async deleteSession(sessionToken) {
      await adapter.deleteSession!(hash(sessionToken));
    },
  };
}
