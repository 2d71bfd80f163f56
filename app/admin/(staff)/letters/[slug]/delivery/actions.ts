"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/auth/require-staff";
import { draftDeliveryUpdate } from "@/lib/deliveries/draft-delivery-update";
import { recordDelivery } from "@/lib/deliveries/record-delivery";
import { recordDeliveryResponse } from "@/lib/deliveries/record-delivery-response";
import { updateDelivery } from "@/lib/deliveries/update-delivery";
import { AppError } from "@/lib/http/app-error";
import {
  deliveryInputFromForm,
  deliveryInputSchema,
  deliveryPhotoProblem,
  deliveryResponseFromForm,
  deliveryResponseSchema,
} from "@/lib/validation/delivery";
import { signatureFieldErrors, type FieldErrors } from "@/lib/validation/signature";

export type DeliveryFormState = { ok: true; message: string } | { ok: false; error: string; fields: FieldErrors } | null;

const FIX = "Some fields need fixing.";
const GONE = "This delivery is not on record any more: someone may have removed its letter. Reload the page.";

/** The chosen photo's bytes, null when none was chosen, or its problem for the photo field. */
async function photoFrom(form: FormData): Promise<{ photo: Uint8Array | null; problem: string | null }> {
  const file = form.get("photo");
  if (!(file instanceof File) || file.size === 0) return { photo: null, problem: null };
  const photo = new Uint8Array(await file.arrayBuffer());
  return { photo, problem: deliveryPhotoProblem(photo) };
}

function failure(error: unknown, what: string): DeliveryFormState {
  if (error instanceof AppError) return { ok: false, error: error.message, fields: error.fields ?? {} };
  console.error(`${what} failed`, error);
  return { ok: false, error: "Something went wrong on our side and nothing was saved. Please try again.", fields: {} };
}

/**
 * Records a delivery, or saves an edited one (a form with a delivery id). The role is
 * checked here and again where the data is written: the page's check does not protect a
 * direct POST.
 */
export async function deliveryAction(slug: string, _previous: DeliveryFormState, form: FormData): Promise<DeliveryFormState> {
  try {
    const actor = await requireStaff("manage_letters");
    const parsed = deliveryInputSchema.safeParse(deliveryInputFromForm(form));
    const { photo, problem } = await photoFrom(form);
    if (!parsed.success || problem) {
      const fields = parsed.success ? {} : signatureFieldErrors(parsed.error);
      if (problem) fields.photo = [problem];
      return { ok: false, error: FIX, fields };
    }
    const id = form.get("id");
    if (typeof id === "string" && id) {
      if (!(await updateDelivery({ actor, slug, id, input: parsed.data, photo }))) return { ok: false, error: GONE, fields: {} };
    } else {
      await recordDelivery({ actor, slug, input: parsed.data, photo });
    }
    revalidatePath(`/admin/letters/${slug}/delivery`);
    return { ok: true, message: id ? "Saved. The letter page shows the change." : "Delivery recorded. The letter page shows it now." };
  } catch (error) {
    return failure(error, "saving a delivery");
  }
}

/** Records or corrects the addressee's response to one delivery. */
export async function deliveryResponseAction(slug: string, id: string, _previous: DeliveryFormState, form: FormData): Promise<DeliveryFormState> {
  try {
    const actor = await requireStaff("manage_letters");
    const parsed = deliveryResponseSchema.safeParse(deliveryResponseFromForm(form));
    if (!parsed.success) return { ok: false, error: FIX, fields: signatureFieldErrors(parsed.error) };
    if (!(await recordDeliveryResponse({ actor, slug, id, input: parsed.data }))) return { ok: false, error: GONE, fields: {} };
    revalidatePath(`/admin/letters/${slug}/delivery`);
    return { ok: true, message: "Response saved. The letter page shows it now." };
  } catch (error) {
    return failure(error, "saving a response");
  }
}

/**
 * "Tell signers who asked for news": the delivery, or its response, as a draft update,
 * opened in the update editor. Nothing is sent here; the admin reads, tests and sends there.
 */
export async function draftDeliveryUpdateAction(slug: string, id: string, about: "delivery" | "response"): Promise<void> {
  let target: string;
  try {
    const draft = await draftDeliveryUpdate({ actor: await requireStaff("send_updates"), slug, deliveryId: id, about });
    target = `/admin/letters/${slug}/updates/${draft.id}?done=drafted`;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    target = `/admin/letters/${slug}/delivery?${new URLSearchParams({ problem: error.message })}`;
  }
  redirect(target);
}
