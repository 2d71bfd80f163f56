import "server-only";
import { db } from "../db";
import { retryOnBusy } from "../db-retry";
import { findDataRequest } from "./find-data-request";
import { forgetRemoved, removeSignatures } from "./remove-signatures";

/**
 * A "Withdraw" button on /my-data/{token}: removes one signature, only if it was made
 * with the link's address (a guessed id from another address is ignored).
 */
export async function withdrawOwnSignature({ token, signatureId, now = new Date() }: { token: string; signatureId: string; now?: Date }): Promise<void> {
  const { emailCanonical } = await findDataRequest({ token, now });
  const removed = await retryOnBusy(() =>
    db.$transaction(async (tx) => {
      const own = await tx.signature.findFirst({ where: { id: signatureId, emailCanonical }, select: { id: true } });
      return own ? removeSignatures(tx, { ids: [own.id], how: "my_data", actor: "signer", now }) : [];
    }),
  );
  await forgetRemoved(removed);
}
