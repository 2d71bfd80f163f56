"use server";

import { redirect } from "next/navigation";
import { expectedError } from "@/lib/http/app-error";
import { withKeptLanguage } from "@/lib/i18n/language-links";
import { confirmSignature } from "@/lib/signatures/confirm-signature";

export async function confirmSignatureAction(token: string): Promise<void> {
  let problem: string | undefined;
  try {
    await confirmSignature({ token });
  } catch (error) {
    const expected = expectedError(error);
    if (!expected) throw error;
    problem = expected.code;
  }
  // The page at the link shows the outcome: a thank-you once the token is used.
  redirect(await withKeptLanguage(`/verify/${encodeURIComponent(token)}`, problem ? { problem } : {}));
}
