"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff, type Staff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/http/app-error";
import { createLetter } from "@/lib/letters/create-letter";
import { updateLetter } from "@/lib/letters/update-letter";
import { letterInputFromForm, letterInputSchema, type LetterInput } from "@/lib/validation/letter";
import { signatureFieldErrors, type FieldErrors } from "@/lib/validation/signature";

export type LetterFormState = { ok: false; error: string; fields: FieldErrors } | null;

export async function createLetterAction(_previous: LetterFormState, form: FormData): Promise<LetterFormState> {
  const saved = await save(form, async (actor, input) => (await createLetter({ actor, input })).slug);
  if (typeof saved !== "string") return saved;
  redirect(`/admin/letters?saved=${encodeURIComponent(saved)}`);
}

export async function updateLetterAction(slug: string, _previous: LetterFormState, form: FormData): Promise<LetterFormState> {
  const saved = await save(form, async (actor, input) => (await updateLetter({ actor, slug, input })).slug);
  if (typeof saved !== "string") return saved;
  redirect(`/admin/letters?saved=${encodeURIComponent(saved)}`);
}

// Each action checks the role itself: the page's check does not protect a direct POST.
async function save(form: FormData, write: (actor: Staff, input: LetterInput) => Promise<string>): Promise<LetterFormState | string> {
  try {
    const actor = await requireStaff("manage_letters");
    const parsed = letterInputSchema.safeParse(letterInputFromForm(form));
    if (!parsed.success) return { ok: false, error: "Some fields need fixing.", fields: signatureFieldErrors(parsed.error) };
    const slug = await write(actor, parsed.data);
    revalidatePath("/");
    return slug;
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message, fields: error.fields ?? {} };
    console.error("saving a letter failed", error);
    return { ok: false, error: "Something went wrong on our side and the letter was not saved. Please try again.", fields: {} };
  }
}
