"use server";

import { redirect } from "next/navigation";
import { AppError } from "@/lib/http/app-error";
import { confirmSignature } from "@/lib/signatures/confirm-signature";

export async function confirmSignatureAction(token: string): Promise<void> {
  let problem: string | undefined;
  try {
    await confirmSignature({ token });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.code;
  }
  // The page at the link shows the outcome: a thank-you once the token is used.
  redirect(`/verify/${encodeURIComponent(token)}${problem ? `?problem=${problem}` : ""}`);
}
