import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import { letterNotFound } from "../http/app-error";
import { letterChanged } from "../memory/letter-changed";
import { recordAudit } from "../moderation/record-audit";
import type { LetterInput } from "../validation/letter";
import { isUniqueViolation, slugTaken } from "./slug-taken";

// Long texts are named in the audit entry but not copied into it.
const LONG = new Set(["body", "summary"]);

const same = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime() : a === b;

/**
 * Saves an edited letter and a "letter.update" audit entry naming the changed fields
 * (with before and after for the short ones), in one transaction. Nothing changed:
 * nothing written. Every process shows the change at once (a pause, an edit). Returns
 * the letter's (possibly new) slug and the changed fields.
 */
export async function updateLetter({
  actor,
  slug,
  input,
  now = new Date(),
}: {
  actor: Staff;
  slug: string;
  input: LetterInput;
  now?: Date;
}): Promise<{ slug: string; changed: string[] }> {
  const current = await db.letter.findUnique({ where: { slug } });
  if (!current) throw letterNotFound();
  const changed = (Object.keys(input) as (keyof LetterInput)[]).filter((key) => !same(current[key], input[key]));
  if (changed.length === 0) return { slug, changed };
  if (input.slug !== slug && (await db.letter.findUnique({ where: { slug: input.slug }, select: { id: true } }))) throw slugTaken();

  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  for (const key of changed) {
    if (LONG.has(key)) continue;
    from[key] = current[key];
    to[key] = input[key];
  }
  try {
    await db.$transaction(async (tx) => {
      await tx.letter.update({
        where: { id: current.id },
        data: { ...input, publishedAt: current.publishedAt ?? (input.status === "draft" ? null : now), closedAt: closedAt(current, input, now) },
      });
      await recordAudit(tx, actor, {
        action: "letter.update",
        targetType: "letter",
        targetId: current.id,
        letterId: current.id,
        detail: { changed, from, to },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
  await letterChanged({ letterId: current.id, what: "letter" });
  return { slug: input.slug, changed };
}

/**
 * When the letter closed: now, when this edit closes it; none once it reopens. A letter
 * closed before closedAt existed takes its last change as the best-known time, so that
 * later edits do not move it (lib/retention/ counts from it).
 */
function closedAt(current: { status: string; closedAt: Date | null; updatedAt: Date }, input: LetterInput, now: Date): Date | null {
  if (input.status !== "closed") return null;
  if (current.status !== "closed") return now;
  return current.closedAt ?? current.updatedAt;
}
