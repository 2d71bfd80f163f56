import "server-only";
import { db } from "../db";
import { BLOCK_KINDS, type BlockKind } from "../validation/block-rule";

export interface ListedBlockRule {
  id: string;
  value: string;
  reason: string;
  addedBy: string | null;
  createdAt: Date;
}

/** Every list's entries for /admin/blocks, newest first, with the address of who added each. */
export async function listBlockRules(): Promise<Record<BlockKind, ListedBlockRule[]>> {
  const rules = await db.blockRule.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const adders = [...new Set(rules.map((r) => r.createdById).filter((id): id is string => id !== null))];
  const users = await db.user.findMany({ where: { id: { in: adders } }, select: { id: true, email: true } });
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  const lists = Object.fromEntries(BLOCK_KINDS.map((kind) => [kind, [] as ListedBlockRule[]])) as Record<BlockKind, ListedBlockRule[]>;
  for (const rule of rules) {
    lists[rule.kind as BlockKind]?.push({
      id: rule.id,
      value: rule.value,
      reason: rule.reason,
      addedBy: rule.createdById ? (emailOf.get(rule.createdById) ?? "(removed)") : null,
      createdAt: rule.createdAt,
    });
  }
  return lists;
}
