"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { WebhookFormState } from "@/app/admin/(staff)/webhooks/actions";
import { signatureFieldErrors } from "@/lib/validation/signature";
import { webhookInputFromForm, webhookInputSchema } from "@/lib/validation/webhook";
import { Field, fieldProps, inputClass } from "./form-field";
import { useFormValidation } from "./use-form-validation";
import { WebhookFields, type LetterChoice } from "./webhook-fields";
import { WebhookSecret } from "./webhook-secret";

type Action = (state: WebhookFormState, form: FormData) => Promise<WebhookFormState>;

function validate(form: HTMLFormElement) {
  const result = webhookInputSchema.safeParse(webhookInputFromForm(new FormData(form)));
  return result.success ? {} : signatureFieldErrors(result.error);
}

/** Registers an endpoint, checked with the shared schema as it is typed; the server checks where the URL leads. */
export function WebhookForm({ action, letters }: { action: Action; letters: LetterChoice[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const { errors, onBlur, onChange, checkAll } = useFormValidation(validate, state && !state.ok ? state : null);
  const formRef = useRef<HTMLFormElement>(null);
  const prefix = "webhook-new";

  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

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
    <div className="space-y-4">
      {state?.ok && state.secret ? (
        <div className="space-y-2">
          <WebhookSecret secret={state.secret} />
          <p className="text-sm text-stone-700">
            {state.message}{" "}
            {state.id ? <Link href={`/admin/webhooks/${state.id}`} className="font-medium text-brand-700 underline">Open its page</Link> : null}
          </p>
        </div>
      ) : null}
      <form ref={formRef} action={formAction} onSubmit={onSubmit} onBlur={onBlur} onChange={onChange} noValidate className="grid gap-4">
        <Field prefix={prefix} name="url" label="Endpoint URL" errors={errors}
          hint="An https: address on the public internet. Redirects are not followed.">
          <input {...fieldProps(prefix, "url", errors, true)} type="url" inputMode="url" placeholder="https://hooks.example.org/letters"
            autoComplete="off" spellCheck={false} autoCapitalize="off" className={`${inputClass} font-mono`} />
        </Field>
        <WebhookFields prefix={prefix} errors={errors} letters={letters}
          defaults={{ letterId: null, events: ["signature.confirmed"], personalData: false, description: "" }} />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={pending}
            className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
            {pending ? "Registering…" : "Register endpoint"}
          </button>
          <p role="status" className="text-sm text-red-700 empty:sr-only">
            {state && !state.ok && Object.keys(state.fields).length === 0 ? state.error : null}
          </p>
        </div>
      </form>
    </div>
  );
}
