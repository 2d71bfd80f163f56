"use server";

import { translateMessage } from "@/lib/validation/message-keys";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/http/app-error";
import { clientIp } from "@/lib/http/client-address";
import { consumeLimit } from "@/lib/http/rate-limit";
import { reportSignature } from "@/lib/moderation/report-signature";
import { reportSchema } from "@/lib/validation/report";

export type ReportState = { error: string } | null;

export async function reportAction(slug: string, signatureId: string, _previous: ReportState, form: FormData): Promise<ReportState> {
  const parsed = reportSchema.safeParse({ reason: form.get("reason") ?? undefined, details: form.get("details") ?? undefined });
  if (!parsed.success) return { error: translateMessage(parsed.error.issues[0].message) };
  try {
    await consumeLimit("report", clientIp(await headers()), { points: 20, durationS: 60 * 60 });
    await reportSignature({ slug, signatureId, ...parsed.data });
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  redirect(`/letters/${slug}/report/${signatureId}?sent=1`);
}
