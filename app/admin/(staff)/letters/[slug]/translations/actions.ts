"use server";

import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import { requireStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/http/app-error";
import { deleteLetterTranslation } from "@/lib/letters/delete-letter-translation";
import { saveLetterTranslation } from "@/lib/letters/save-letter-translation";
import { setLetterTranslationStatus } from "@/lib/letters/set-letter-translation-status";
import { letterTranslationInputFromForm, letterTranslationInputSchema } from "@/lib/validation/letter-translation";
import { signatureFieldErrors, type FieldErrors } from "@/lib/validation/signature";

export type TranslationFormState =
  | { ok: true; message: string; status: "draft" | "published" }
  | { ok: false; error: string; fields: FieldErrors }
  | null;

const INTENTS = ["save", "publish", "unpublish", "delete"] as const;

const MESSAGE = {
  save: "Saved.",
  publish: "Saved and published: readers can choose this language.",
  unpublish: "Saved as a draft: readers no longer see this language.",
} as const;

/**
 * The translation editor's buttons. Save, Publish and Unpublish each save the fields
 * first (so nothing typed is lost), then set the status; Delete removes the translation.
 * The role is checked here: the page's check does not protect a direct POST.
 */
export async function translationAction(slug: string, _previous: TranslationFormState, form: FormData): Promise<TranslationFormState> {
  const intent = INTENTS.find((i) => i === form.get("intent")) ?? "save";
  try {
    const actor = await requireStaff("manage_letters");
    const list = `/admin/letters/${slug}/translations`;
    if (intent === "delete") {
      await deleteLetterTranslation({ actor, slug, language: String(form.get("language") ?? "") });
      revalidatePath(list);
      redirect(`${list}?deleted=${encodeURIComponent(String(form.get("language")))}`);
    }
    const parsed = letterTranslationInputSchema.safeParse(letterTranslationInputFromForm(form));
    if (!parsed.success) return { ok: false, error: "Some fields need fixing.", fields: signatureFieldErrors(parsed.error) };
    const saved = await saveLetterTranslation({ actor, slug, input: parsed.data });
    const status = intent === "publish" ? "published" : intent === "unpublish" ? "draft" : saved.status === "published" ? "published" : "draft";
    if (intent !== "save") await setLetterTranslationStatus({ actor, slug, language: parsed.data.language, status });
    revalidatePath(list, "layout");
    return { ok: true, message: MESSAGE[intent], status };
  } catch (error) {
    // redirect() works by throwing: let it through.
    unstable_rethrow(error);
    if (error instanceof AppError) return { ok: false, error: error.message, fields: error.fields ?? {} };
    console.error("saving a translation failed", error);
    return { ok: false, error: "Something went wrong on our side and the translation was not saved. Please try again.", fields: {} };
  }
}
