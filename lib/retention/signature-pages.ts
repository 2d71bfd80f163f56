import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";

type Row = { id: string; createdAt: Date };

/**
 * A letter's signatures matching `where`, a page at a time in (createdAt, id) order on
 * the letter's (letterId, createdAt) index, each page after the last one's row: the
 * letter's rows are read once however many pages it takes, even those the previous
 * page's action left no longer matching. Give it to inBatches as its `take`.
 */
export function signaturePages(letterId: string, where: Prisma.SignatureWhereInput) {
  return (take: number, last: Row | undefined): Promise<Row[]> =>
    db.signature.findMany({
      where: {
        AND: [
          where,
          { letterId },
          last ? { createdAt: { gte: last.createdAt }, OR: [{ createdAt: { gt: last.createdAt } }, { id: { gt: last.id } }] } : {},
        ],
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, createdAt: true },
      take,
    });
}
