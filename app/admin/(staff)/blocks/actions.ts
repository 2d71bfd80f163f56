"use server";

import { revalidatePath } from "next/cache";
import { requireStaff, type Staff } from "@/lib/auth/require-staff";
import { addBlockRule } from "@/lib/defences/add-block-rule";
import { removeBlockRule } from "@/lib/defences/remove-block-rule";
import { AppError } from "@/lib/http/app-error";
import { BLOCK_LIST_TITLE, blockRuleInputSchema, blockRuleRemovalSchema } from "@/lib/validation/block-rule";
import { signatureFieldErrors, type FieldErrors } from "@/lib/validation/signature";

export type BlockFormState = { ok: true; message: string } | { ok: false; error: string; fields: FieldErrors } | null;

const entries = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));

export async function addBlockRuleAction(_previous: BlockFormState, form: FormData): Promise<BlockFormState> {
  return run(async (actor) => {
    const parsed = blockRuleInputSchema.safeParse(entries(form));
    if (!parsed.success) return { ok: false, error: "Some fields need fixing.", fields: signatureFieldErrors(parsed.error) };
    await addBlockRule({ actor, input: parsed.data });
    return { ok: true, message: `Added ${parsed.data.value} to ${BLOCK_LIST_TITLE[parsed.data.kind].toLowerCase()}.` };
  });
}

export async function removeBlockRuleAction(_previous: BlockFormState, form: FormData): Promise<BlockFormState> {
  return run(async (actor) => {
    const { id } = blockRuleRemovalSchema.parse(entries(form));
    const removed = await removeBlockRule({ actor, id });
    return { ok: true, message: removed ? "Removed." : "Already removed." };
  });
}

// Every action checks the role itself: the page's check does not protect a direct POST.
async function run(work: (actor: Staff) => Promise<BlockFormState>): Promise<BlockFormState> {
  try {
    const result = await work(await requireStaff("manage_blocks"));
    if (result?.ok) revalidatePath("/admin/blocks");
    return result;
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message, fields: error.fields ?? {} };
    console.error("changing the block lists failed", error);
    return { ok: false, error: "Something went wrong on our side. Please try again.", fields: {} };
  }
}
