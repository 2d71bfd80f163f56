import "server-only";
import { db } from "../db";
import { retryOnBusy } from "../db-retry";
import { hashToken } from "../signatures/tokens";
import { findWithdrawal } from "./find-withdrawal";
import { forgetRemoved, removeSignatures } from "./remove-signatures";

/**
 * The signer's POST from the withdraw page: the signature behind the link is removed
 * (remove-signatures.ts). A second POST, or two at once, finds it gone and answers the
 * same. `how` is "not_me" when the link was the confirmation email's "This was not me".
 */
export async function withdrawSignature({ token, how, now = new Date() }: { token: string; how: "link" | "not_me"; now?: Date }): Promise<void> {
  const found = await findWithdrawal({ token });
  if (found.state === "withdrawn") return;
  const removed = await retryOnBusy(() =>
    db.$transaction(async (tx) => {
      // The link's own signature, read again inside the transaction.
      const link = await tx.withdrawalToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { signatureId: true } });
      if (!link?.signatureId) return [];
      return removeSignatures(tx, { ids: [link.signatureId], how, actor: "signer", now });
    }),
  );
  await forgetRemoved(removed);
}
