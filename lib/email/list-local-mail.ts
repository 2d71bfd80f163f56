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

export async function getLocalMail({ id }: { id: string }) {
  return db.outboxEmail.findUnique({ where: { id } });
}
