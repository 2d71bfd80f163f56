import "server-only";
import { db, provider } from "../db";
import { retryOnBusy } from "../db-retry";
import { emailsEnqueued, enqueueEmails, type RenderedEmail } from "../email/send-email";
import { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";
import { createToken } from "../signatures/tokens";
import { renderUpdateEmail } from "./render-update-email";
import { updateRecipientsWhere } from "./update-recipients";

/** Recipients written per transaction: small enough to commit quickly, large enough to be few. */
export const RECIPIENT_CHUNK = 500;

/**
 * Writes a "sending" update's recipients and their outbox messages, a chunk per
 * transaction, until everyone it should reach has a row; then the update is "sent". A
 * recipient row is UNIQUE per update and signature, and written with its message in one
 * transaction, so a run stopped anywhere (a restart, `maxChunks` in a test) resumes where
 * it stopped and no one gets the update twice. Run it through resumeUpdateSending, which
 * lets one process at a time do it.
 */
export async function fillUpdateRecipients({
  updateId,
  chunkSize = RECIPIENT_CHUNK,
  maxChunks = Infinity,
  now = () => new Date(),
}: {
  updateId: string;
  chunkSize?: number;
  maxChunks?: number;
  now?: () => Date;
}): Promise<{ queued: number; done: boolean }> {
  const update = await db.letterUpdate.findUnique({ where: { id: updateId }, include: { letter: { select: { id: true, slug: true, title: true } } } });
  if (!update || update.status !== "sending") return { queued: 0, done: true };
  let queued = 0;
  for (let chunk = 0; chunk < maxChunks; chunk++) {
    const signatures = await db.signature.findMany({
      where: { ...updateRecipientsWhere(update.letterId), updates: { none: { updateId } } },
      select: { id: true, email: true, language: true },
      orderBy: { id: "asc" },
      take: chunkSize,
    });
    if (signatures.length === 0) {
      await db.letterUpdate.updateMany({ where: { id: updateId, status: "sending" }, data: { status: "sent", queuedAt: now() } });
      return { queued, done: true };
    }
    // Rendering is the slow part: outside the transaction.
    const rows = await Promise.all(
      signatures.map(async (signature) => {
        const { token, tokenHash } = createToken();
        const email = await renderUpdateEmail({ update, to: signature.email, language: signature.language, token });
        return { signatureId: signature.id, tokenHash, email: { ...email, id: newId(), signatureId: signature.id } satisfies RenderedEmail };
      }),
    );
    queued += await retryOnBusy(() =>
      db.$transaction(async (tx) => {
        const at = now();
        // Read again now: someone may have stopped their updates, or withdrawn, while the
        // chunk was rendered, and their stop has dropped only the messages queued by then.
        // On PostgreSQL the rows are locked first, so a stop either waits for this
        // transaction (and then drops what it queued) or is seen here.
        const ids = rows.map((row) => row.signatureId);
        if (provider === "postgresql") await tx.$queryRaw`SELECT "id" FROM "Signature" WHERE "id" IN (${Prisma.join(ids)}) FOR SHARE`;
        const current = await tx.signature.findMany({ where: { id: { in: ids }, ...updateRecipientsWhere(update.letterId) }, select: { id: true } });
        const still = new Set(current.map((signature) => signature.id));
        const due = rows.filter((row) => still.has(row.signatureId));
        if (due.length === 0) return 0;
        const written = await tx.$queryRaw<{ signatureId: string }[]>`
          INSERT INTO "UpdateRecipient" ("id", "updateId", "signatureId", "outboxEmailId", "tokenHash", "createdAt")
          VALUES ${Prisma.join(due.map((row) => Prisma.sql`(${newId(at.getTime())}, ${updateId}, ${row.signatureId}, ${row.email.id}, ${row.tokenHash}, ${at})`))}
          ON CONFLICT ("updateId", "signatureId") DO NOTHING
          RETURNING "signatureId"`;
        const mine = new Set(written.map((row) => row.signatureId));
        await enqueueEmails(tx, due.filter((row) => mine.has(row.signatureId)).map((row) => row.email), at);
        return mine.size;
      }),
    );
    emailsEnqueued();
  }
  return { queued, done: false };
}
