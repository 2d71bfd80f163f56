import "server-only";
import { db } from "../db";
import { AppError } from "../http/app-error";
import { hashToken, looksLikeToken } from "../signatures/tokens";

export interface Unsubscribe {
  /** "subscribed" while updates can still reach the person; "ended" once stopped (or the signature is gone). */
  state: "subscribed" | "ended";
  letter: { id: string; slug: string; title: string };
  /** The language the person signed in, for the page when no ?lang= says otherwise. */
  language: string | null;
}

export const unsubscribeNotFound = () => new AppError("unsubscribe_not_found", 404);

/** What an update's unsubscribe link is about; changes nothing (a GET must not: link scanners open it). */
export async function findUnsubscribe({ token }: { token: string }): Promise<Unsubscribe> {
  if (!looksLikeToken(token)) throw unsubscribeNotFound();
  const recipient = await db.updateRecipient.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      update: { select: { letter: { select: { id: true, slug: true, title: true } } } },
      signature: { select: { updatesEndedAt: true, updatesConsentAt: true, language: true } },
    },
  });
  if (!recipient) throw unsubscribeNotFound();
  const { signature } = recipient;
  const ended = !signature || signature.updatesEndedAt !== null || signature.updatesConsentAt === null;
  return { state: ended ? "ended" : "subscribed", letter: recipient.update.letter, language: signature?.language ?? null };
}
