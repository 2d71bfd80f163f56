import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";

/** The states of a signature that updates reach; a moderator's change to another drops its queued ones. */
export const updateRecipientStatuses: string[] = ["counted", "awaiting_review"];

/**
 * Who an update of a letter goes to: signatures that were confirmed and still stand
 * (counted, or an organisation awaiting review; never unverified, rejected, hidden or
 * fraud; withdrawn and erased ones no longer exist) whose signer asked for news and has
 * not stopped it.
 */
export const updateRecipientsWhere = (letterId: string): Prisma.SignatureWhereInput => ({
  letterId,
  status: { in: updateRecipientStatuses },
  confirmedAt: { not: null },
  updatesConsentAt: { not: null },
  updatesEndedAt: null,
});

/** How many people an update of the letter would reach now. */
export function countUpdateRecipients({ letterId }: { letterId: string }): Promise<number> {
  return db.signature.count({ where: updateRecipientsWhere(letterId) });
}
