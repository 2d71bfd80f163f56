import "server-only";
import { db } from "../db";
import { letterCounts, type LetterCounts } from "../counts/letter-counts";

export interface DeliveryFigures {
  counts: LetterCounts;
  /** how many of each kind chose to be listed: the delivery document names these */
  listed: { organizations: number; individuals: number };
}

/** The figures a delivery document is made of: the counts (from the counters) and the listed signatories. */
export async function deliveryFigures({ letterId, since }: { letterId: string; since: Date }): Promise<DeliveryFigures> {
  const listedOf = (kind: "organization" | "individual") =>
    db.signature.count({ where: { letterId, status: "counted", listPublicly: true, kind } });
  const [counts, organizations, individuals] = await Promise.all([letterCounts(letterId, since), listedOf("organization"), listedOf("individual")]);
  return { counts, listed: { organizations, individuals } };
}
