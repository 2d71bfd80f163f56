"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { expectedError } from "@/lib/http/app-error";
import { getEnv } from "@/lib/env";
import { errorTranslators } from "@/lib/i18n/error-translators";
import { withKeptLanguage } from "@/lib/i18n/language-links";
import { translateError } from "@/lib/i18n/translate-error";
import { submitSignature } from "@/lib/signatures/submit-signature";
import { signatureFieldErrors, signatureInputFromForm, type FieldErrors } from "@/lib/validation/signature";
import { signingChecksFromForm } from "@/lib/validation/signing-checks";

export type SignFormState = { ok: false; error: string; fields: FieldErrors } | null;

export async function signLetterAction(slug: string, _previous: SignFormState, form: FormData): Promise<SignFormState> {
  try {
    const { email } = await submitSignature({ slug, body: { ...signatureInputFromForm(form), ...signingChecksFromForm(form) }, headers: await headers() });
    // The next page shows the address back; it travels in a short-lived HttpOnly cookie,
    // not the URL, so it never lands in logs or browser history.
    (await cookies()).set("signed_email", email, {
      httpOnly: true,
      sameSite: "lax",
      secure: getEnv().APP_URL.startsWith("https://"),
      path: `/letters/${slug}`,
      maxAge: 15 * 60,
    });
  } catch (error) {
    // in the reader's language, as the page that posted (proxy.ts negotiated it)
    const t = await errorTranslators();
    if (error instanceof ZodError) {
      return { ok: false, error: t.validation("fixFields"), fields: signatureFieldErrors(error, t.validation) };
    }
    // A database out of reach is one of these: the form keeps what was typed and says to try again.
    const expected = expectedError(error);
    if (expected) {
      const { message, fields = {} } = translateError(expected, t);
      return { ok: false, error: message, fields };
    }
    console.error("signing failed", error);
    return { ok: false, error: t.validation("somethingWentWrong"), fields: {} };
  }
  redirect(await withKeptLanguage(`/letters/${slug}/check-email`));
}
