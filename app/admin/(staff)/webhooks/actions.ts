"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { requireStaff, type Staff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/http/app-error";
import { signatureFieldErrors, type FieldErrors } from "@/lib/validation/signature";
import { webhookIdSchema, webhookInputFromForm, webhookInputSchema, webhookUpdateSchema } from "@/lib/validation/webhook";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { sendWebhookAgain } from "@/lib/webhooks/send-webhook-again";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";

export type WebhookFormState =
  | { ok: true; message: string; secret?: string; id?: string }
  | { ok: false; error: string; fields: FieldErrors }
  | null;

/** Registers an endpoint; its signing secret comes back in the answer, the only time it is shown. */
export async function createWebhookAction(_previous: WebhookFormState, form: FormData): Promise<WebhookFormState> {
  return run(async (actor) => {
    const input = webhookInputSchema.parse(webhookInputFromForm(form));
    const { id, secret } = await createWebhookEndpoint({ actor, input });
    return { ok: true, message: `Registered ${input.url}.`, secret, id };
  });
}

export async function updateWebhookAction(_previous: WebhookFormState, form: FormData): Promise<WebhookFormState> {
  return run(async (actor) => {
    const input = webhookUpdateSchema.parse(webhookInputFromForm(form));
    const saved = await updateWebhookEndpoint({ actor, input });
    return saved ? { ok: true, message: "Saved." } : gone();
  });
}

/** A new signing secret, shown once; the old one stops working at once. */
export async function rotateWebhookSecretAction(_previous: WebhookFormState, form: FormData): Promise<WebhookFormState> {
  return run(async (actor) => {
    const { id } = webhookIdSchema.parse({ id: form.get("id") });
    const secret = await rotateWebhookSecret({ actor, id });
    return secret ? { ok: true, message: "New secret made. The old one no longer signs anything.", secret } : gone();
  });
}

export async function deleteWebhookAction(_previous: WebhookFormState, form: FormData): Promise<WebhookFormState> {
  return run(async (actor) => {
    const { id } = webhookIdSchema.parse({ id: form.get("id") });
    const deleted = await deleteWebhookEndpoint({ actor, id });
    return deleted ? { ok: true, message: "Deleted, with its delivery log." } : gone();
  });
}

const SEND_AGAIN: Record<Exclude<Awaited<ReturnType<typeof sendWebhookAgain>>, "queued">, string> = {
  not_found: "This delivery no longer exists.",
  not_failed: "This delivery has not failed: it is delivered, or already queued.",
  endpoint_off: "The endpoint is turned off. Turn it on first.",
};

export async function sendWebhookAgainAction(_previous: WebhookFormState, form: FormData): Promise<WebhookFormState> {
  return run(async (actor) => {
    const { id } = webhookIdSchema.parse({ id: form.get("id") });
    const outcome = await sendWebhookAgain({ actor, id });
    if (outcome !== "queued") return { ok: false, error: SEND_AGAIN[outcome], fields: {} };
    return { ok: true, message: "Queued: it goes out within a few seconds." };
    // The page is not refreshed: the row stays, saying it is queued, until the next visit.
  }, { refresh: false });
}

const gone = (): WebhookFormState => ({ ok: false, error: "This endpoint no longer exists.", fields: {} });

// Every action checks the role itself (and the domain functions again): the page's check does not protect a direct POST.
async function run(work: (actor: Staff) => Promise<WebhookFormState>, { refresh = true } = {}): Promise<WebhookFormState> {
  try {
    const result = await work(await requireStaff("manage_webhooks"));
    if (result?.ok && refresh) revalidatePath("/admin/webhooks", "layout");
    return result;
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, error: "Some fields need fixing.", fields: signatureFieldErrors(error) };
    if (error instanceof AppError) return { ok: false, error: error.message, fields: error.fields ?? {} };
    console.error("changing webhooks failed", error);
    return { ok: false, error: "Something went wrong on our side. Please try again.", fields: {} };
  }
}
