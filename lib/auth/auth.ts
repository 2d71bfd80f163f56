import "server-only";
import { createElement } from "react";
import { after } from "next/server";
import NextAuth from "next-auth";
import Resend from "next-auth/providers/resend";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "../db";
import { getEnv } from "../env";
import { emailsEnqueued, enqueueEmail, renderEmail } from "../email/send-email";
import { AdminSignInEmail } from "../email/templates/admin-sign-in";
import { personEmailSchema } from "../validation/person";
import { findRole } from "./find-role";
import { SIGN_IN_LINK_LIFETIME_S } from "./sign-in-link";
import { withHashedSessions } from "./hashed-session-adapter";

// Auth.js for /admin: sign-in by an emailed link (sent by the project's own email
// module), database sessions, and only allowed addresses.

export { SIGN_IN_LINK_LIFETIME_S };
export const SESSION_IDLE_S = 8 * 60 * 60;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

/** The sign-in email for an allowed address, through the outbox; nothing for anyone else. */
async function queueSignInLink(identifier: string, url: string) {
  if (!(await findRole(identifier))) return;
  // The link's origin is APP_URL, never the Host header of the request that asked.
  const link = new URL(url);
  const safe = new URL(`${link.pathname}${link.search}`, getEnv().APP_URL).toString();
  const email = await renderEmail({
    template: "admin-sign-in",
    to: identifier,
    subject: "Sign in to Open Letters",
    element: createElement(AdminSignInEmail, { url: safe }),
  });
  await db.$transaction((tx) => enqueueEmail(tx, email));
  emailsEnqueued();
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  const secure = env.APP_URL.startsWith("https://");
  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    adapter: withHashedSessions(PrismaAdapter(db as never), {
      absoluteLifetimeMs: SESSION_ABSOLUTE_MS,
      createdAt: async (sessionToken) =>
        (await db.session.findUnique({ where: { sessionToken }, select: { createdAt: true } }))?.createdAt ?? null,
    }),
    session: { strategy: "database", maxAge: SESSION_IDLE_S, updateAge: 15 * 60 },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        // __Host-: only this exact host, only over https, path / (no Domain attribute).
        name: secure ? "__Host-authjs.session-token" : "authjs.session-token",
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    pages: { signIn: "/admin/sign-in", verifyRequest: "/admin/sign-in/check-email", error: "/admin/sign-in" },
    providers: [
      Resend({
        apiKey: "unused: the project's email module sends",
        from: env.EMAIL_FROM,
        maxAge: SIGN_IN_LINK_LIFETIME_S,
        // Checked before Auth.js stores a token for it: an address of at most 254 characters.
        normalizeIdentifier: (identifier) => {
          const parsed = personEmailSchema.safeParse(identifier);
          if (!parsed.success) throw new Error(parsed.error.issues[0].message);
          return parsed.data;
        },
        async sendVerificationRequest({ identifier, url }) {
          // Anyone not allowed sees the same "check your email" page and is sent nothing,
          // and in the same time: whether the address is allowed is looked up, and its
          // link rendered and queued, once the answer has gone (Next's after(); the two
          // are measured by npm run bench:sign-in).
          after(() => queueSignInLink(identifier, url).catch((error) => console.error("[auth] sign-in link not queued", error)));
        },
      }),
    ],
    callbacks: {
      async signIn({ user, email }) {
        if (email?.verificationRequest) return true;
        return (await findRole(user.email)) !== null;
      },
      async session({ session, user }) {
        return { ...session, user: { ...session.user, id: user.id, email: user.email } };
      },
    },
  };
});
