import "server-only";
import crypto from "node:crypto";
import type { Staff } from "../auth/require-staff";
import { getEnv } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { recordAudit } from "../moderation/record-audit";

// The audit line of a block rule's addition or removal. A blocked address is someone's
// personal data and the audit log outlives the rule, so the line keeps only a keyed hash
// of it: the same address gives the same hash, which lets an admin who knows the
// address find its lines, and no one can read the address back.

export function addressHash(canonical: string): string {
  return crypto.createHmac("sha256", getEnv().AUTH_SECRET).update(`block-address:${canonical}`).digest("hex").slice(0, 32);
}

export async function auditBlockRule(
  tx: Prisma.TransactionClient,
  actor: Staff,
  action: "block.add" | "block.remove",
  rule: { id: string; kind: string; value: string; reason: string },
): Promise<void> {
  const value = rule.kind === "address" ? { valueHash: addressHash(rule.value) } : { value: rule.value };
  await recordAudit(tx, actor, {
    action,
    targetType: "block_rule",
    targetId: rule.id,
    reason: rule.reason,
    detail: { kind: rule.kind, ...value },
  });
}
