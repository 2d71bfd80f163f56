"use server";

import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { requireStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/http/app-error";
import { saveLetterUpdate } from "@/lib/updates/save-letter-update";
import { sendLetterUpdate } from "@/lib/updates/send-letter-update";
import { sendTestUpdate } from "@/lib/updates/send-test-update";
import { letterUpdateInputFromForm, letterUpdateInputSchema } from "@/lib/validation/letter-update";
import { signatureFieldErrors, type FieldErrors } from "@/lib/validation/signature";

export type UpdateFormState = { ok: false; error: string; fields: FieldErrors } | null;

const updatesPath = (slug: string) => `/admin/letters/${slug}/updates`;

/**
 * Saves the editor's subject and text (a new draft when `id` is null) and opens the
 * update's page, whose preview shows the saved email. The role is checked here, and again
 * where the data is touched: the page's check does not protect a direct POST.
 */
export async function saveUpdateAction(slug: string, id: string | null, _previous: UpdateFormState, form: FormData): Promise<UpdateFormState> {
  let savedId: string;
  try {
    const actor = await requireStaff("send_updates");
    const parsed = letterUpdateInputSchema.safeParse(letterUpdateInputFromForm(form));
    if (!parsed.success) return { ok: false, error: "Some fields need fixing.", fields: signatureFieldErrors(parsed.error) };
    savedId = (await saveLetterUpdate({ actor, slug, id: id ?? undefined, input: parsed.data })).id;
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) return { ok: false, error: error.message, fields: error.fields ?? {} };
    console.error("saving an update failed", error);
    return { ok: false, error: "Something went wrong on our side and the update was not saved. Please try again.", fields: {} };
  }
  revalidatePath(updatesPath(slug));
  redirect(`${updatesPath(slug)}/${savedId}?done=saved`);
}

/** "Send a test to me": the update, marked as a test, to the signed-in admin's own address. */
export async function sendTestAction(slug: string, id: string): Promise<void> {
  await outcome(slug, id, "tested", async () => {
    await sendTestUpdate({ actor: await requireStaff("send_updates"), slug, id });
  });
}

/** The confirmation step's "Send now": the update goes to everyone who asked for news. */
export async function sendUpdateAction(slug: string, id: string): Promise<void> {
  await outcome(slug, id, "sent", async () => {
    await sendLetterUpdate({ actor: await requireStaff("send_updates"), slug, id });
  });
}

/** Runs the step and opens the update's page with what happened (done=..., or problem=... in words). */
async function outcome(slug: string, id: string, done: string, step: () => Promise<void>): Promise<void> {
  let problem: string | null = null;
  try {
    await step();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
  }
  revalidatePath(updatesPath(slug));
  redirect(`${updatesPath(slug)}/${id}?${new URLSearchParams(problem ? { problem } : { done })}`);
}
