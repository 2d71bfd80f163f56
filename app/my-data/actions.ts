"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { expectedError } from "@/lib/http/app-error";
import { clientIp } from "@/lib/http/client-address";
import { requestMyData } from "@/lib/signer-rights/request-my-data";
import { dataRequestSchema } from "@/lib/validation/data-request";
import { signatureFieldErrors, type FieldErrors } from "@/lib/validation/signature";

export type DataRequestState = { ok: false; error: string; fields: FieldErrors } | null;

export async function requestMyDataAction(_previous: DataRequestState, form: FormData): Promise<DataRequestState> {
  const parsed = dataRequestSchema.safeParse({ email: form.get("email") ?? "" });
  if (!parsed.success) return { ok: false, error: "Enter your email address to continue.", fields: signatureFieldErrors(parsed.error) };
  try {
    // The link is looked for and sent once the answer has gone: same answer, same time.
    await requestMyData({
      email: parsed.data.email,
      ip: clientIp(await headers()),
      later: (work) => after(() => work().catch((error) => console.error("[my-data] link not sent", error))),
    });
  } catch (error) {
    const expected = expectedError(error);
    if (expected) return { ok: false, error: expected.message, fields: expected.fields ?? {} };
    throw error;
  }
  // The same answer whether or not the address has signed anything.
  redirect("/my-data?sent=1");
}
