import "server-only";
import { db } from "../db";

/** The local mailbox: what the outbox holds, newest first (development only). */
export async function listLocalMail({ take = 100 }: { take?: number } = {}) {
  return db.outboxEmail.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, template: true, to: true, subject: true, status: true, createdAt: true, attempts: true },
  });
}

// Sign-in links open the moderation area: the local mailbox never shows them (a site
// left on its default APP_URL would otherwise hand them to anyone); the operator
// finds them in the server log.
const HIDDEN_TEMPLATES = new Set(["admin-sign-in"]);
const REDACTED = "This message holds a sign-in link, so it is shown only in the server log.";

export async function getLocalMail({ id }: { id: string }) {
  const mail = await db.outboxEmail.findUnique({ where: { id } });
  if (!mail || shownInLocalMailbox(mail.template)) return mail;
  return { ...mail, html: `<p>${REDACTED}</p>`, text: REDACTED };
}

/** Whether the local mailbox page shows this kind of message's body. */
export function shownInLocalMailbox(template: string): boolean {
  return !HIDDEN_TEMPLATES.has(template);
}
