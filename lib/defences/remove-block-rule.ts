import "server-only";
import type { Staff } from "../auth/require-staff";
import { db } from "../db";
import { letterChanged } from "../memory/letter-changed";
import { auditBlockRule } from "./audit-block-rule";

/** Takes an entry off its list ("block.remove" in the audit log). Removing one already gone changes nothing. */
export async function removeBlockRule({ actor, id }: { actor: Staff; id: string }): Promise<boolean> {
  const removed = await db.$transaction(async (tx) => {
    const rule = await tx.blockRule.findUnique({ where: { id } });
    if (!rule) return false;
    await tx.blockRule.delete({ where: { id } });
    await auditBlockRule(tx, actor, "block.remove", rule);
    return true;
  });
  if (removed) await letterChanged({ what: "letter" });
  return removed;
}
