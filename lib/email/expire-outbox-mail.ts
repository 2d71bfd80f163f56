import "server-only";
import { db } from "../db";
import { devMailboxEnabled, getEnv, type Env } from "../env";
import { Prisma } from "../generated/prisma/client";
import { REMOVED, SECRET_TEMPLATES, linkLifetimeMs, redactEmail } from "./secret-links";

const PAGE = 100;

/**
 * Takes the secret links out of messages whose links no longer work (the worker runs
 * this every minute): a message still waiting to go is worth nothing any more and is
 * marked failed; a failed message kept for "send again", or a message kept for the
 * local mailbox page, is redacted. A message whose link still works is left alone.
 *
 * `everyRecentSent` also redacts delivered messages of the last week that still hold
 * a working link, written before delivered messages were redacted on delivery: the
 * worker asks for it once when it starts (the outbox's index on status and time keeps
 * that to the last week's rows).
 */
export async function expireOutboxMail({
  env = getEnv(),
  now = new Date(),
  everyRecentSent = false,
}: { env?: Env; now?: Date; everyRecentSent?: boolean } = {}): Promise<number> {
  const expired = Prisma.join(
    SECRET_TEMPLATES.map((template) => Prisma.sql`("template" = ${template} AND "createdAt" <= ${new Date(now.getTime() - linkLifetimeMs(template)!)})`),
    " OR ",
  );
  const longest = Math.max(...SECRET_TEMPLATES.map((template) => linkLifetimeMs(template)!));
  const sent = devMailboxEnabled(true, env)
    ? Prisma.sql`OR ("status" = 'sent' AND (${expired}))`
    : everyRecentSent
      ? Prisma.sql`OR ("status" = 'sent' AND "nextAttemptAt" >= ${new Date(now.getTime() - longest)} AND "template" IN (${Prisma.join(SECRET_TEMPLATES)}))`
      : Prisma.empty;
  let changed = 0;
  let after = "";
  for (;;) {
    const rows = await db.$queryRaw<{ id: string; status: string; html: string; text: string; headers: string | null }[]>`
      SELECT "id", "status", "html", "text", "headers" FROM "OutboxEmail"
      WHERE "id" > ${after} AND "text" NOT LIKE ${`%${REMOVED}%`} AND (
        ("status" = 'failed' AND (${expired})) OR ("status" = 'pending' AND "batchKey" IS NULL AND (${expired})) ${sent})
      ORDER BY "id" LIMIT ${PAGE}`;
    for (const row of rows) {
      const body = redactEmail(row);
      // The status in the condition: a claim or "send again" may have just taken the row.
      const { count } = await db.outboxEmail.updateMany({
        where: { id: row.id, status: row.status, ...(row.status === "pending" && { batchKey: null }) },
        data: {
          ...body,
          ...(row.status === "pending" && { status: "failed", lastError: "Not sent: the link in it expired before it could be delivered." }),
        },
      });
      changed += count;
    }
    if (rows.length < PAGE) return changed;
    after = rows.at(-1)!.id;
  }
}
