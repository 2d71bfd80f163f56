import "server-only";
import { db } from "../db";

const select = {
  id: true, kind: true, name: true, email: true, country: true, organizationName: true, website: true,
  title: true, affiliation: true, comment: true, status: true, flags: true, domainMatch: true,
  createdAt: true, confirmedAt: true, letter: { select: { slug: true, title: true } },
} as const;

/**
 * What needs a moderator: confirmed organisations awaiting review (oldest first), then
 * signatures flagged by a rule or a report that are still counted or pending.
 */
export async function reviewQueue({ take = 100 }: { take?: number } = {}) {
  const [organizations, flagged, waiting] = await Promise.all([
    db.signature.findMany({ where: { status: "awaiting_review" }, orderBy: { confirmedAt: "asc" }, take, select }),
    db.signature.findMany({
      where: { flags: { not: "" }, status: { in: ["counted", "unverified"] } },
      // a reader's report first, then the rules' flags
      orderBy: { createdAt: "asc" },
      take,
      select,
    }),
    db.signature.count({ where: { status: "awaiting_review" } }),
  ]);
  return { organizations, flagged, waiting };
}

export type QueueItem = Awaited<ReturnType<typeof reviewQueue>>["organizations"][number];
