import "server-only";
import { db } from "../db";
import { retryOnBusy } from "../db-retry";
import { hashToken } from "../signatures/tokens";
import { findUnsubscribe } from "./find-unsubscribe";
import { dropQueuedUpdates } from "./drop-queued-updates";

/**
 * The one-click unsubscribe (RFC 8058) and the unsubscribe page's button: no more updates
 * of this letter reach the signature behind the link, and those already queued but not
 * yet handed to the provider are dropped. Repeating it, or two at once, is harmless.
 */
export async function unsubscribeFromUpdates({ token, now = new Date() }: { token: string; now?: Date }): Promise<void> {
  await findUnsubscribe({ token });
  await retryOnBusy(() =>
    db.$transaction(async (tx) => {
      const recipient = await tx.updateRecipient.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, signatureId: true } });
      if (!recipient?.signatureId) return;
      await tx.updateRecipient.updateMany({ where: { id: recipient.id, unsubscribedAt: null }, data: { unsubscribedAt: now } });
      await tx.signature.updateMany({ where: { id: recipient.signatureId, updatesEndedAt: null }, data: { updatesEndedAt: now } });
      await dropQueuedUpdates(tx, { signatureIds: [recipient.signatureId], why: "unsubscribed", now });
    }),
  );
}
