import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { letterChanged } from "../memory/letter-changed";
import { recordAudit } from "../moderation/record-audit";
import type { LetterInput } from "../validation/letter";
import { isUniqueViolation, slugTaken } from "./slug-taken";

/**
 * Creates a letter and its "letter.create" audit entry in one transaction. A letter
 * created open is published now; a draft gets its publishedAt when it is first opened.
 */
export async function createLetter({ actor, input, now = new Date() }: { actor: Staff; input: LetterInput; now?: Date }) {
  if (await db.letter.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw slugTaken();
  try {
    const created = await db.$transaction(async (tx) => {
      const letter = await tx.letter.create({
        data: { ...input, publishedAt: input.status === "draft" ? null : now, closedAt: input.status === "closed" ? now : null },
        select: { id: true, slug: true },
      });
      await recordAudit(tx, actor, {
        action: "letter.create",
        targetType: "letter",
        targetId: letter.id,
        letterId: letter.id,
        detail: { slug: input.slug, title: input.title, status: input.status, kind: input.kind },
      });
      return letter;
    });
    await letterChanged({ letterId: created.id, what: "letter" });
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}
