import "server-only";
import { db } from "../db";
import { retryOnBusy } from "../db-retry";
import { emailHash } from "./email-hash";
import { forgetRemoved, removeSignatures } from "./remove-signatures";
import { messagesTo } from "./signer-data";

export interface Erased {
  signatures: number;
  counted: number;
  letters: number;
  emails: number;
}

/**
 * "Erase everything" for one canonical address, in one transaction: every signature is
 * removed as a withdrawal is (uncounted, its links spent, an audit line each), then
 * every message to the address and every data-request link for it. An audit line for
 * the whole erasure holds a keyed hash of the address, never the address.
 */
export async function eraseSignerData({
  emailCanonical,
  actor,
  now = new Date(),
}: {
  emailCanonical: string;
  actor: "signer" | "operator";
  now?: Date;
}): Promise<Erased> {
  const { removed, emails } = await retryOnBusy(() =>
    db.$transaction(async (tx) => {
      const signatures = await tx.signature.findMany({ where: { emailCanonical }, select: { id: true, email: true } });
      const addresses = signatures.map((s) => s.email);
      const removed = await removeSignatures(tx, { ids: signatures.map((s) => s.id), how: "erase", actor, now });
      const { count: emails } = await tx.outboxEmail.deleteMany({ where: messagesTo(emailCanonical, addresses) });
      await tx.dataRequestToken.deleteMany({ where: { emailCanonical } });
      await tx.auditLog.create({
        data: {
          actorId: null,
          actorEmail: actor,
          action: "data.erase",
          targetType: "email",
          detail: JSON.stringify({ emailHash: emailHash(emailCanonical), signatures: removed.length, emails }),
        },
      });
      return { removed, emails };
    }),
  );
  await forgetRemoved(removed);
  return {
    signatures: removed.length,
    counted: removed.filter((r) => r.counted).length,
    letters: new Set(removed.map((r) => r.letterId)).size,
    emails,
  };
}
