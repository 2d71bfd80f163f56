"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { requireStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/http/app-error";
import { moderateSignatures } from "@/lib/moderation/moderate-signatures";
import { moderationSchema } from "@/lib/validation/moderation";

export type ModerationState = { ok: true; message: string } | { ok: false; error: string } | null;

/** Approve, reject, hide, mark as fraud or restore the signatures named in the form. */
export async function moderateAction(_previous: ModerationState, form: FormData): Promise<ModerationState> {
  try {
    const actor = await requireStaff("moderate");
    const input = moderationSchema.parse({ ids: form.getAll("ids"), action: form.get("action"), reason: form.get("reason") ?? undefined });
    const { changed, skipped } = await moderateSignatures({ actor, ...input });
    revalidatePath("/admin", "layout");
    return { ok: true, message: `${changed} changed${skipped ? `, ${skipped} left as they were (the action does not apply)` : ""}.` };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, error: error.issues[0].message };
    if (error instanceof AppError) return { ok: false, error: error.message };
    throw error;
  }
}
