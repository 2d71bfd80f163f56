import "server-only";
import { db } from "../db";
import type { SignatureFilter } from "../validation/signature-filter";
import { signatureWhere } from "./signature-where";

export const ADMIN_PAGE_SIZE = 50;

/** One page of a letter's signatures for moderators, newest first, by keyset cursor. */
export async function searchSignatures({
  letterId,
  filter,
  cursor,
  take = ADMIN_PAGE_SIZE,
}: {
  letterId: string;
  filter: SignatureFilter;
  cursor?: string | null;
  take?: number;
}) {
  const after = decodeCursor(cursor);
  const rows = await db.signature.findMany({
    where: {
      AND: [
        signatureWhere(letterId, filter),
        after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true, kind: true, name: true, email: true, country: true, organizationName: true, website: true,
      title: true, affiliation: true, comment: true, status: true, flags: true, domainMatch: true,
      listPublicly: true, createdAt: true, confirmedAt: true, moderationReason: true,
    },
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: rows.length > take && last ? Buffer.from(`${last.createdAt.getTime()}:${last.id}`).toString("base64url") : null,
  };
}

export type AdminSignature = Awaited<ReturnType<typeof searchSignatures>>["items"][number];

function decodeCursor(cursor: string | null | undefined) {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split(":");
  const ms = Number(at);
  return Number.isFinite(ms) && id ? { at: new Date(ms), id } : null;
}

/** How many signatures a filter matches (shown before a bulk action). */
export async function countSignatures({ letterId, filter }: { letterId: string; filter: SignatureFilter }) {
  return db.signature.count({ where: signatureWhere(letterId, filter) });
}
