import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Staff } from "../auth/require-staff";

export interface AuditEntry {
  action: string;
  targetType: "signature" | "letter" | "letter_translation" | "user" | "export" | "email" | "block_rule";
  targetId?: string | null;
  letterId?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown>;
}

/** Writes who did what, when and why, inside the transaction that did it. */
export async function recordAudit(tx: Prisma.TransactionClient, actor: Staff, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      letterId: entry.letterId ?? null,
      reason: entry.reason ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    },
  });
}
