import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";

export const AUDIT_PAGE_SIZE = 50;

/**
 * One page of the audit log, newest first, by keyset cursor on (createdAt, id), so a page
 * deep in a long log costs the same as the first. Filters by letter id and action.
 */
export async function listAuditLog({
  letterId,
  action,
  cursor,
  take = AUDIT_PAGE_SIZE,
}: {
  letterId?: string;
  action?: string;
  cursor?: string | null;
  take?: number;
}) {
  const after = decodeCursor(cursor);
  const where: Prisma.AuditLogWhereInput = {
    ...(letterId ? { letterId } : {}),
    ...(action ? { action } : {}),
    ...(after ? { createdAt: { lte: after.at }, OR: [{ createdAt: { lt: after.at } }, { id: { lt: after.id } }] } : {}),
  };
  const rows = await db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: take + 1 });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...row, detail: parseDetail(row.detail) })),
    nextCursor: rows.length > take && last ? Buffer.from(`${last.createdAt.getTime()}:${last.id}`).toString("base64url") : null,
  };
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

function decodeCursor(cursor: string | null | undefined) {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split(":");
  const ms = Number(at);
  return Number.isFinite(ms) && id ? { at: new Date(ms), id } : null;
}
