import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import type { SignatureFilter } from "../validation/signature-filter";
import { moderateSignatures } from "./moderate-signatures";
import { recordAudit } from "./record-audit";
import { signatureWhere } from "./signature-where";
import type { ModerationAction } from "./transitions";

const BATCH = 500;

/**
 * Applies an action to everything a filter matches, in batches of 500 (each batch one
 * transaction, so a long run never holds the write lock for long), with one summary
 * entry in the audit log carrying the filter and the count.
 */
export async function moderateMatching({
  actor,
  letterId,
  filter,
  action,
  reason,
}: {
  actor: Staff;
  letterId: string;
  filter: SignatureFilter;
  action: ModerationAction;
  reason?: string | null;
}) {
  const where = signatureWhere(letterId, filter);
  let changed = 0;
  let skipped = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await db.signature.findMany({
      where: after ? { AND: [where, { id: { gt: after } }] } : where,
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true },
    });
    if (batch.length === 0) break;
    const result = await moderateSignatures({ actor, ids: batch.map((s) => s.id), action, reason, auditEach: false });
    changed += result.changed;
    skipped += result.skipped;
    after = batch.at(-1)!.id;
    if (batch.length < BATCH) break;
  }
  await db.$transaction((tx) =>
    recordAudit(tx, actor, {
      action: `signature.bulk_${action}`,
      targetType: "signature",
      letterId,
      reason,
      detail: { filter, changed, skipped },
    }),
  );
  return { changed, skipped };
}
