import "server-only";
import type { Staff } from "../auth/require-staff";
import { db } from "../db";
import { AppError } from "../http/app-error";
import { isUniqueViolation } from "../letters/slug-taken";
import { letterChanged } from "../memory/letter-changed";
import type { BlockRuleInput } from "../validation/block-rule";
import { auditBlockRule } from "./audit-block-rule";

const alreadyListed = (value: string) =>
  new AppError("block_rule_exists", 422, { fields: { value: [`${value} is already on this list.`] } });

/** Adds an entry to a block list ("block.add" in the audit log); every process matches it from the next signing on. */
export async function addBlockRule({ actor, input }: { actor: Staff; input: BlockRuleInput }) {
  const { kind, value, reason } = input;
  if (await db.blockRule.findUnique({ where: { kind_value: { kind, value } }, select: { id: true } })) throw alreadyListed(value);
  try {
    const rule = await db.$transaction(async (tx) => {
      const created = await tx.blockRule.create({ data: { kind, value, reason, createdById: actor.id } });
      await auditBlockRule(tx, actor, "block.add", created);
      return created;
    });
    await letterChanged({ what: "letter" });
    return rule;
  } catch (error) {
    // another admin added the same entry a moment ago
    if (isUniqueViolation(error)) throw alreadyListed(value);
    throw error;
  }
}
