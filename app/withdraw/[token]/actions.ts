"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { expectedError } from "@/lib/http/app-error";
import { clientIp } from "@/lib/http/client-address";
import { consumeLimit } from "@/lib/http/rate-limit";
import { withKeptLanguage } from "@/lib/i18n/language-links";
import { withdrawSignature } from "@/lib/signer-rights/withdraw-signature";

/** Withdrawals per client: far more than anyone needs, far fewer than a script would try. */
const WITHDRAW_LIMIT = { points: 30, durationS: 60 * 60 };

export async function withdrawSignatureAction(token: string, notMe: boolean): Promise<void> {
  let problem: string | undefined;
  try {
    await consumeLimit("withdraw", clientIp(await headers()), WITHDRAW_LIMIT);
    await withdrawSignature({ token, how: notMe ? "not_me" : "link" });
  } catch (error) {
    const expected = expectedError(error);
    if (!expected) throw error;
    problem = expected.code;
  }
  // The page at the link shows the outcome: once withdrawn, it says so.
  redirect(await withKeptLanguage(`/withdraw/${encodeURIComponent(token)}`, { ...(notMe ? { reason: "not-me" } : {}), ...(problem ? { problem } : {}) }));
}
