import "server-only";
import { db } from "../db";
import { AppError } from "../http/app-error";
import { hashToken, looksLikeToken } from "../signatures/tokens";

export const withdrawalNotFound = () => new AppError("withdrawal_not_found", 404);

/** What the withdraw page shows: the signature as it stands, or that it is gone. */
export type Withdrawal =
  | {
      state: "held";
      signatureId: string;
      letter: { id: string; slug: string; title: string };
      signature: {
        kind: string;
        name: string;
        organizationName: string | null;
        country: string;
        listPublicly: boolean;
        confirmed: boolean;
        status: string;
      };
    }
  | { state: "withdrawn"; letter: { id: string; slug: string; title: string } | null };

/**
 * Finds the signature behind a withdrawal link; changes nothing (a GET must not). A link
 * whose signature has gone (withdrawn, erased, or deleted unconfirmed) says so.
 */
export async function findWithdrawal({ token }: { token: string }): Promise<Withdrawal> {
  if (!looksLikeToken(token)) throw withdrawalNotFound();
  const row = await db.withdrawalToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      letterId: true,
      signature: {
        select: {
          id: true, kind: true, name: true, organizationName: true, country: true, listPublicly: true, confirmedAt: true, status: true,
          letter: { select: { id: true, slug: true, title: true } },
        },
      },
    },
  });
  if (!row) throw withdrawalNotFound();
  const { signature } = row;
  if (!signature) {
    const letter = await db.letter.findUnique({ where: { id: row.letterId }, select: { id: true, slug: true, title: true } });
    return { state: "withdrawn", letter };
  }
  return {
    state: "held",
    signatureId: signature.id,
    letter: signature.letter,
    signature: {
      kind: signature.kind,
      name: signature.name,
      organizationName: signature.organizationName,
      country: signature.country,
      listPublicly: signature.listPublicly,
      confirmed: signature.confirmedAt !== null,
      status: signature.status,
    },
  };
}
