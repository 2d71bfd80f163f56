import "server-only";
import { db } from "../db";
import type { PublicSignature, PublicSignaturePage } from "../api/schemas";

// The public list: counted signatures whose signers chose to be listed, oldest first,
// by cursor. Only public columns are selected; an email never leaves this query.

// Their shapes are the public JSON's, defined once in lib/api/schemas.ts.
export type { PublicSignature, PublicSignaturePage } from "../api/schemas";

export const PUBLIC_PAGE_SIZE = 50;

export async function listPublicSignatures({
  letterId,
  kind,
  cursor,
  take = PUBLIC_PAGE_SIZE,
}: {
  letterId: string;
  kind?: "individual" | "organization";
  cursor?: string | null;
  take?: number;
}): Promise<PublicSignaturePage> {
  const after = decodeCursor(cursor);
  const rows = await db.signature.findMany({
    where: {
      letterId,
      status: "counted",
      listPublicly: true,
      ...(kind ? { kind } : {}),
      ...(after
        ? { OR: [{ countedAt: { gt: after.at } }, { countedAt: after.at, id: { gt: after.id } }] }
        : {}),
    },
    orderBy: [{ countedAt: "asc" }, { id: "asc" }],
    take: take + 1,
    select: {
      id: true, kind: true, name: true, title: true, affiliation: true,
      organizationName: true, website: true, country: true, countedAt: true,
    },
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: row.kind as PublicSignature["kind"], // the column holds only the two kinds the sign schema allows
      // An organisation is listed under its own name; its contact person stays private.
      name: row.kind === "organization" ? (row.organizationName ?? row.name) : row.name,
      title: row.title,
      affiliation: row.affiliation,
      organizationName: row.organizationName,
      website: row.website,
      country: row.country,
      signedAt: (row.countedAt ?? new Date(0)).toISOString(),
    })),
    nextCursor: rows.length > take && last?.countedAt ? encodeCursor(last.countedAt, last.id) : null,
  };
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.getTime(), id])).toString("base64url");
}

function decodeCursor(cursor: string | null | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (typeof at === "number" && Number.isFinite(at) && typeof id === "string") return { at: new Date(at), id };
  } catch {
    // fall through: a bad cursor is the caller's error
  }
  return null;
}

export function isValidCursor(cursor: string | null | undefined): boolean {
  return !cursor || decodeCursor(cursor) !== null;
}
