"use client";

import { useActionState, useEffect, useRef, type FormEvent } from "react";
import type { UpdateFormState } from "@/app/admin/(staff)/letters/[slug]/updates/actions";
import { UPDATE_BODY_MAX, UPDATE_SUBJECT_MAX, letterUpdateInputFromForm, letterUpdateInputSchema } from "@/lib/validation/letter-update";
import { signatureFieldErrors } from "@/lib/validation/signature";
import { Field, fieldProps, inputClass } from "./form-field";
import { submitWithoutReset } from "./submit-without-reset";
import { useFormValidation } from "./use-form-validation";

const P = "update";

function validate(form: HTMLFormElement) {
  const result = letterUpdateInputSchema.safeParse(letterUpdateInputFromForm(new FormData(form)));
  return result.success ? {} : signatureFieldErrors(result.error);
}

/**
 * An update's subject and Markdown text. Checked in the browser with the shared schema and
 * again by the server; what was typed stays in the fields whatever the answer.
 */
export function UpdateEditor({
  action,
  defaults,
  saveLabel,
}: {
  action: (state: UpdateFormState, form: FormData) => Promise<UpdateFormState>;
  defaults: { subject: string; body: string };
  saveLabel: string;
}) {
  const [state, dispatch, pending] = useActionState(action, null);
  const { errors, hasClientErrors, onBlur, onChange, checkAll } = useFormValidation(validate, state && !state.ok ? state : null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const problem = hasClientErrors ? "Some fields need fixing." : state && !state.ok ? state.error : null;

  useEffect(() => {
    if (state) summaryRef.current?.focus();
  }, [state]);

  const send = submitWithoutReset(dispatch);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!checkAll(event.currentTarget)) {
      event.preventDefault();
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    send(event);
  }

  return (
    <form onSubmit={onSubmit} onBlur={onBlur} onChange={onChange} noValidate className="space-y-5">
      <div ref={summaryRef} id="update-form-errors" tabIndex={-1} role={problem ? "alert" : "status"}
        className={problem ? "rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800" : "sr-only"}>
        {problem}
      </div>
      <Field prefix={P} name="subject" label="Subject" errors={errors}>
        <input {...fieldProps(P, "subject", errors)} defaultValue={defaults.subject} maxLength={UPDATE_SUBJECT_MAX} dir="auto" className={inputClass} />
      </Field>
      <Field prefix={P} name="body" label="Text (Markdown)" errors={errors}
        hint="Paragraphs, **bold**, *italics*, lists, headings and links. HTML and images are left out of the email.">
        <textarea {...fieldProps(P, "body", errors, true)} defaultValue={defaults.body} maxLength={UPDATE_BODY_MAX} dir="auto"
          className={`${inputClass} h-64 font-mono leading-relaxed`} />
      </Field>
      <button type="submit" disabled={pending}
        className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70">
        {pending ? "Saving…" : saveLabel}
      </button>
    </form>
  );
}
