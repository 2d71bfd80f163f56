import "server-only";
import { db } from "../db";
import type { Staff } from "../auth/require-staff";
import type { SignatureFilter } from "../validation/signature-filter";
import { moderateSignatures } from "./moderate-signatures";
import { AppError } from "../http/app-error";
import { signatureWhere } from "./signature-where";
import { needsReason, type ModerationAction } from "./transitions";

const BATCH = 500;

/**
 * Applies an action to everything a filter matches, in batches of 500 (each batch one
 * transaction, so a long run never holds the write lock for long); each batch writes
 * one audit entry carrying the filter and its count, in its own transaction.
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
  if (needsReason(action) && !reason?.trim()) {
    throw new AppError("reason_required", 422, { fields: { reason: ["A reason is required."] } });
  }
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
    const result = await moderateSignatures({
      actor,
      ids: batch.map((s) => s.id),
      action,
      reason,
      auditEach: false,
      batchAudit: { letterId, detail: { filter } },
    });
    changed += result.changed;
    skipped += result.skipped;
    after = batch.at(-1)!.id;
    if (batch.length < BATCH) break;
  }
  return { changed, skipped };
}
