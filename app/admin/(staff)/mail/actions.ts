"use server";

import { ZodError } from "zod";
import { requireStaff } from "@/lib/auth/require-staff";
import { MAIL_PERMISSION } from "@/lib/email/mail-permission";
import { sendEmailAgain } from "@/lib/email/send-email-again";
import { AppError } from "@/lib/http/app-error";
import { sendEmailAgainSchema } from "@/lib/validation/send-email-again";

export type SendAgainState = { ok: true; message: string } | { ok: false; error: string } | null;

/** Puts the failed message named in the form back in the outbox. Admins only, checked here. */
export async function sendAgainAction(_previous: SendAgainState, form: FormData): Promise<SendAgainState> {
  try {
    const actor = await requireStaff(MAIL_PERMISSION);
    const { id } = sendEmailAgainSchema.parse({ id: form.get("id") });
    await sendEmailAgain({ actor, id });
    // The page is not refreshed: the row stays, saying it is queued, until the next visit.
    return { ok: true, message: "Queued: it goes out within a few seconds." };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, error: error.issues[0].message };
    if (error instanceof AppError) return { ok: false, error: error.message };
    console.error("sending a message again failed", error);
    return { ok: false, error: "Something went wrong on our side. Please try again." };
  }
}
