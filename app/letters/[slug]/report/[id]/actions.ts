"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { expectedError } from "@/lib/http/app-error";
import { clientIp } from "@/lib/http/client-address";
import { consumeLimit } from "@/lib/http/rate-limit";
import { errorTranslators } from "@/lib/i18n/error-translators";
import { withKeptLanguage } from "@/lib/i18n/language-links";
import { translateError } from "@/lib/i18n/translate-error";
import { translateMessage } from "@/lib/validation/message-keys";
import { reportSignature } from "@/lib/moderation/report-signature";
import { reportSchema } from "@/lib/validation/report";

export type ReportState = { error: string } | null;

export async function reportAction(slug: string, signatureId: string, _previous: ReportState, form: FormData): Promise<ReportState> {
  const parsed = reportSchema.safeParse({ reason: form.get("reason") ?? undefined, details: form.get("details") ?? undefined });
  if (!parsed.success) return { error: translateMessage(parsed.error.issues[0].message, (await errorTranslators()).validation) };
  try {
    await consumeLimit("report", clientIp(await headers()), { points: 20, durationS: 60 * 60 });
    await reportSignature({ slug, signatureId, ...parsed.data });
  } catch (error) {
    // A database out of reach is one of these too: the reader is told to try again.
    const expected = expectedError(error);
    if (!expected) throw error;
    return { error: translateError(expected, await errorTranslators()).message };
  }
  redirect(await withKeptLanguage(`/letters/${slug}/report/${signatureId}`, { sent: "1" }));
}
