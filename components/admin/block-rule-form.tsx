"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { BlockFormState } from "@/app/admin/(staff)/blocks/actions";
import { blockRuleInputSchema, type BlockKind } from "@/lib/validation/block-rule";
import { signatureFieldErrors } from "@/lib/validation/signature";
import { Field, fieldProps, inputClass } from "./form-field";
import { useFormValidation } from "./use-form-validation";

type Action = (state: BlockFormState, form: FormData) => Promise<BlockFormState>;

function validate(form: HTMLFormElement) {
  const result = blockRuleInputSchema.safeParse(Object.fromEntries(new FormData(form)));
  return result.success ? {} : signatureFieldErrors(result.error);
}

/** Adds an entry to one block list: its value and why, checked with the shared schema as they are typed. */
export function BlockRuleForm({ kind, action, valueLabel, example }: { kind: BlockKind; action: Action; valueLabel: string; example: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const { errors, onBlur, onChange, checkAll } = useFormValidation(validate, state && !state.ok ? state : null);
  const formRef = useRef<HTMLFormElement>(null);
  const prefix = `block-${kind}`;

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
    // Dispatched by hand (not by the form's action) so the fields keep their values when the server refuses them.
    startTransition(() => formAction(new FormData(form)));
  }

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onBlur={onBlur} onChange={onChange} noValidate
      className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)_auto] sm:items-start">
      <input type="hidden" name="kind" value={kind} />
      <Field prefix={prefix} name="value" label={valueLabel} errors={errors}>
        <input {...fieldProps(prefix, "value", errors)} placeholder={example} autoComplete="off" spellCheck={false} autoCapitalize="off"
          className={`${inputClass} font-mono`} />
      </Field>
      <Field prefix={prefix} name="reason" label="Reason" errors={errors}>
        <input {...fieldProps(prefix, "reason", errors)} autoComplete="off" className={inputClass} />
      </Field>
      <button type="submit" disabled={pending}
        className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:mt-6">
        {pending ? "Adding…" : "Add"}
      </button>
      <p role="status" className={`text-sm empty:sr-only sm:col-span-3 ${state?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {state?.ok ? state.message : state && Object.keys(state.fields).length === 0 ? state.error : null}
      </p>
    </form>
  );
}
