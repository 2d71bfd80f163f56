import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { provider } from "../db";
import { canonicalEmail } from "../signatures/canonical-email";
import type { SignatureFilter } from "../validation/signature-filter";

/**
 * The Prisma condition for a moderator's filter. Each part rides an index that starts
 * with letterId (email: the unique canonical address; "@domain": letterId+emailDomain),
 * so the table stays fast at a million signatures; a name search is a substring match.
 */
export function signatureWhere(letterId: string, filter: SignatureFilter): Prisma.SignatureWhereInput {
  const where: Prisma.SignatureWhereInput = { letterId };
  if (filter.kind) where.kind = filter.kind;
  if (filter.status) where.status = filter.status;
  if (filter.country) where.country = filter.country;
  if (filter.flagged) where.flags = { not: "" };
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00.000Z`) } : {}),
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 86_400_000) } : {}),
    };
  }
  const q = filter.q?.trim();
  if (q) {
    if (q.startsWith("@")) where.emailDomain = q.slice(1).toLowerCase();
    else if (q.includes("@")) where.emailCanonical = canonicalEmail(q).canonical;
    // Any case: SQLite's LIKE ignores ASCII case by itself, PostgreSQL must be asked.
    else where.name = provider === "postgresql" ? ({ contains: q, mode: "insensitive" } as Prisma.StringFilter) : { contains: q };
  }
  return where;
}
