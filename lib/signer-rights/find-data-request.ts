import "server-only";
import { db } from "../db";
import { AppError } from "../http/app-error";
import { hashToken, looksLikeToken } from "../signatures/tokens";

export const dataRequestNotFound = () =>
  new AppError("data_request_not_found", 404);
export const dataRequestExpired = () =>
  new AppError("data_request_expired", 410);

/** The canonical address a /my-data link speaks for; changes nothing. */
export async function findDataRequest({ token, now = new Date() }: { token: string; now?: Date }): Promise<{ emailCanonical: string; expiresAt: Date }> {
  if (!looksLikeToken(token)) throw dataRequestNotFound();
  const row = await db.dataRequestToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { emailCanonical: true, expiresAt: true } });
  if (!row) throw dataRequestNotFound();
  if (row.expiresAt <= now) throw dataRequestExpired();
  return row;
}
