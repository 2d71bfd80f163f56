"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { expectedError } from "@/lib/http/app-error";
import { clientIp } from "@/lib/http/client-address";
import { consumeLimit } from "@/lib/http/rate-limit";
import { withKeptLanguage } from "@/lib/i18n/language-links";
import { eraseSignerData } from "@/lib/signer-rights/erase-signer-data";
import { findDataRequest } from "@/lib/signer-rights/find-data-request";
import { withdrawOwnSignature } from "@/lib/signer-rights/withdraw-own-signature";

const CHANGE_LIMIT = { points: 30, durationS: 60 * 60 };
const page = (token: string, query: Record<string, string>) => withKeptLanguage(`/my-data/${encodeURIComponent(token)}`, query);

export async function withdrawOwnSignatureAction(token: string, signatureId: string): Promise<void> {
  let problem = "";
  try {
    await consumeLimit("my-data-change", clientIp(await headers()), CHANGE_LIMIT);
    await withdrawOwnSignature({ token, signatureId });
  } catch (error) {
    const expected = expectedError(error);
    if (!expected) throw error;
    problem = expected.code;
  }
  redirect(await page(token, problem ? { problem } : { withdrawn: "1" }));
}

export async function eraseEverythingAction(token: string): Promise<void> {
  let problem = "";
  try {
    await consumeLimit("my-data-change", clientIp(await headers()), CHANGE_LIMIT);
    const { emailCanonical } = await findDataRequest({ token });
    await eraseSignerData({ emailCanonical, actor: "signer" });
  } catch (error) {
    const expected = expectedError(error);
    if (!expected) throw error;
    problem = expected.code;
  }
  // The link is erased too: the answer is a page of its own.
  redirect(await (problem ? page(token, { problem }) : withKeptLanguage("/my-data", { erased: "1" })));
}
