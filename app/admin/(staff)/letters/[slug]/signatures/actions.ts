"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { requireStaff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/http/app-error";
import { moderateMatching } from "@/lib/moderation/moderate-matching";
import { countSignatures } from "@/lib/moderation/search-signatures";
import { needsReason } from "@/lib/moderation/transitions";
import { bulkModerationSchema } from "@/lib/validation/moderation";
import type { ModerationState } from "../../../queue/actions";

/** Applies an action to every signature matching a filter, after the moderator saw how many. */
export async function moderateMatchingAction(_previous: ModerationState, form: FormData): Promise<ModerationState> {
  try {
    const actor = await requireStaff("moderate");
    const input = bulkModerationSchema.parse({
      letterId: form.get("letterId"),
      filter: JSON.parse(String(form.get("filter") ?? "{}")),
      action: form.get("action"),
      reason: form.get("reason") ?? undefined,
      expected: form.get("expected"),
    });
    if (needsReason(input.action) && !input.reason) return { ok: false, error: "Give a reason: it is kept in the audit log." };
    const now = await countSignatures({ letterId: input.letterId, filter: input.filter });
    if (now !== input.expected) {
      return { ok: false, error: `The number of matching signatures changed to ${now}. Check the list and confirm again.` };
    }
    const { changed, skipped } = await moderateMatching({ actor, ...input });
    revalidatePath("/admin", "layout");
    return { ok: true, message: `${changed} changed${skipped ? `, ${skipped} left as they were (the action does not apply)` : ""}.` };
  } catch (error) {
    if (error instanceof ZodError || error instanceof SyntaxError) return { ok: false, error: "The request was not valid." };
    if (error instanceof AppError) return { ok: false, error: error.message };
    throw error;
  }
}
