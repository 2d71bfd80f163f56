import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { addMonths, inBatches } from "./in-batches";
import { signaturePages } from "./signature-pages";

type ClosingLetter = { id: string; status: string; closedAt: Date | null; closesAt: Date | null; updatedAt: Date; anonymizeAfterMonths: number };

/**
 * When a letter closed, or null while it is open: the later of the moment its status
 * became "closed" and its closing date, when that has passed. A letter closed before
 * closedAt existed counts from its last change.
 */
export function closedSince(letter: ClosingLetter, now: Date): Date | null {
  const closed = letter.status === "closed" ? (letter.closedAt ?? letter.updatedAt) : null;
  const passed = letter.closesAt && letter.closesAt <= now ? letter.closesAt : null;
  if (closed && passed) return closed > passed ? closed : passed;
  return closed ?? passed;
}

/**
 * Anonymises the signers' emails of every letter closed `anonymizeAfterMonths` ago:
 * the address goes, and with it the network hash, the confirmation links and the
 * messages sent to the signer. Names, countries, statuses and so the counts and the
 * public list stay as they were. An organisation whose contact wrote from its website's
 * domain keeps that domain (public on its website anyway, and what moderators approved
 * it on); every other domain goes with the address, as it may be a person's own.
 * Each letter anonymised writes a "retention.anonymize" audit line with how many.
 */
export async function anonymizeClosedLetters({ now, batchSize }: { now: Date; batchSize?: number }) {
  const letters = await db.letter.findMany({
    where: { OR: [{ status: "closed" }, { closesAt: { lte: now } }] },
    select: { id: true, status: true, closedAt: true, closesAt: true, updatedAt: true, anonymizeAfterMonths: true },
  });
  let signatures = 0;
  let lettersDone = 0;
  for (const letter of letters) {
    const closed = closedSince(letter, now);
    if (!closed) continue;
    const dueAt = addMonths(closed, letter.anonymizeAfterMonths);
    if (dueAt > now) continue;
    // Done since it fell due: no one has signed since (signing needs the letter open, which
    // would have moved its closing time), so its rows need not be read again every day.
    if (await db.auditLog.findFirst({ where: { letterId: letter.id, action: "retention.anonymize", createdAt: { gte: dueAt } }, select: { id: true } })) {
      continue;
    }
    const done = await anonymizeLetter(letter.id, now, batchSize);
    if (done === 0) continue;
    await db.auditLog.create({
      data: {
        actorEmail: "system",
        action: "retention.anonymize",
        targetType: "letter",
        targetId: letter.id,
        letterId: letter.id,
        detail: JSON.stringify({ signatures: done, closedAt: closed.toISOString(), afterMonths: letter.anonymizeAfterMonths }),
      },
    });
    signatures += done;
    lettersDone += 1;
  }
  return { letters: lettersDone, signatures };
}

function anonymizeLetter(letterId: string, now: Date, batchSize?: number): Promise<number> {
  return inBatches(
    signaturePages(letterId, { email: { not: "" } }),
    async (rows) => {
      const ids = rows.map((row) => row.id);
      const [, , anonymized] = await db.$transaction([
        db.outboxEmail.deleteMany({ where: { signatureId: { in: ids } } }),
        db.confirmationToken.deleteMany({ where: { signatureId: { in: ids } } }),
        // The placeholder keeps (letterId, emailCanonical) unique and matches no address.
        db.$executeRaw`
          UPDATE "Signature" SET "email" = '', "emailCanonical" = 'anonymised:' || "id", "ipHash" = NULL, "updatedAt" = ${now},
            "emailDomain" = CASE WHEN "kind" = 'organization' AND "domainMatch" THEN "emailDomain" ELSE '' END
          WHERE "id" IN (${Prisma.join(ids)}) AND "email" <> ''`,
      ]);
      return anonymized;
    },
    batchSize,
  );
}
