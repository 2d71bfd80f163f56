import "server-only";
import { db } from "../db";
import { linkExpiresAt } from "./secret-links";

const SHOWN = 100;

/**
 * Mail that has not gone as it should, newest first, for the admin's Mail page: failed
 * messages, and messages still waiting after a failed attempt. Says of each whether it
 * may be sent again (see sendEmailAgain) and, when not, why.
 */
export async function listUndeliveredMail({ now = new Date() }: { now?: Date } = {}) {
  const select = {
    id: true, template: true, to: true, subject: true, status: true, attempts: true,
    nextAttemptAt: true, lastError: true, batchKey: true, createdAt: true,
  } as const;
  const [failed, delayed] = await Promise.all([
    db.outboxEmail.findMany({ where: { status: "failed" }, orderBy: [{ nextAttemptAt: "desc" }, { id: "desc" }], take: SHOWN, select }),
    db.outboxEmail.findMany({
      where: { status: { in: ["pending", "sending"] }, attempts: { gt: 0 } },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      take: SHOWN,
      select,
    }),
  ]);
  const describe = ({ batchKey, ...mail }: (typeof failed)[number]) => {
    const expires = linkExpiresAt(mail);
    const mayHaveArrived = mail.status === "failed" && batchKey !== null;
    const expired = expires !== null && expires <= now;
    return {
      ...mail,
      mayHaveArrived,
      linkExpiresAt: expires,
      canSendAgain: mail.status === "failed" && !mayHaveArrived && !expired,
      whyNot: mail.status !== "failed" ? null : mayHaveArrived ? "may have arrived" : expired ? "link expired" : null,
    };
  };
  return { failed: failed.map(describe), delayed: delayed.map(describe) };
}
