"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import { expectedError } from "@/lib/http/app-error";
import { clientIp } from "@/lib/http/client-address";
import { errorTranslators } from "@/lib/i18n/error-translators";
import { withKeptLanguage } from "@/lib/i18n/language-links";
import { translateError } from "@/lib/i18n/translate-error";
import { requestMyData } from "@/lib/signer-rights/request-my-data";
import { dataRequestSchema } from "@/lib/validation/data-request";
import { signatureFieldErrors, type FieldErrors } from "@/lib/validation/signature";

export type DataRequestState = { ok: false; error: string; fields: FieldErrors } | null;

export async function requestMyDataAction(_previous: DataRequestState, form: FormData): Promise<DataRequestState> {
  const parsed = dataRequestSchema.safeParse({ email: form.get("email") ?? "" });
  if (!parsed.success) {
    const [t, translators] = await Promise.all([getTranslations("myData"), errorTranslators()]);
    return { ok: false, error: t("enterEmail"), fields: signatureFieldErrors(parsed.error, translators.validation) };
  }
  try {
    // The link is looked for and sent once the answer has gone: same answer, same time.
    await requestMyData({
      email: parsed.data.email,
      ip: clientIp(await headers()),
      later: (work) => after(() => work().catch((error) => console.error("[my-data] link not sent", error))),
    });
  } catch (error) {
    const expected = expectedError(error);
    if (!expected) throw error;
    const { message, fields = {} } = translateError(expected, await errorTranslators());
    return { ok: false, error: message, fields };
  }
  // The same answer whether or not the address has signed anything.
  redirect(await withKeptLanguage("/my-data", { sent: "1" }));
}
