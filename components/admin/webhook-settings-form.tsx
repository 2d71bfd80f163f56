"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { WebhookFormState } from "@/app/admin/(staff)/webhooks/actions";
import { signatureFieldErrors } from "@/lib/validation/signature";
import { webhookInputFromForm, webhookUpdateSchema } from "@/lib/validation/webhook";
import type { WebhookEvent } from "@/lib/webhooks/payloads";
import { useFormValidation } from "./use-form-validation";
import { WebhookFields, type LetterChoice } from "./webhook-fields";

type Action = (state: WebhookFormState, form: FormData) => Promise<WebhookFormState>;

function validate(form: HTMLFormElement) {
  const result = webhookUpdateSchema.safeParse(webhookInputFromForm(new FormData(form)));
  return result.success ? {} : signatureFieldErrors(result.error);
}

/** An endpoint's letter, events, personal data, note, and whether it is on. */
export function WebhookSettingsForm({
  action,
  letters,
  endpoint,
}: {
  action: Action;
  letters: LetterChoice[];
  endpoint: { id: string; letterId: string | null; events: WebhookEvent[]; personalData: boolean; enabled: boolean; description: string };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const { errors, onBlur, onChange, checkAll } = useFormValidation(validate, state && !state.ok ? state : null);
  const prefix = "webhook-edit";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (!checkAll(form)) {
      form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
      return;
    }
    startTransition(() => formAction(new FormData(form)));
  }

  return (
    <form action={formAction} onSubmit={onSubmit} onBlur={onBlur} onChange={onChange} noValidate className="grid gap-4">
      <input type="hidden" name="id" value={endpoint.id} />
      <label className="flex items-center gap-2 text-sm font-medium text-stone-900">
        <input type="checkbox" name="enabled" defaultChecked={endpoint.enabled} className="size-4" />
        On: send webhooks to this endpoint
      </label>
      <WebhookFields prefix={prefix} errors={errors} letters={letters} defaults={endpoint} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending}
          className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
          {pending ? "Saving…" : "Save"}
        </button>
        <p role="status" className={`text-sm empty:sr-only ${state?.ok ? "text-emerald-800" : "text-red-700"}`}>
          {state?.ok ? state.message : state && Object.keys(state.fields).length === 0 ? state.error : null}
        </p>
      </div>
    </form>
  );
}
