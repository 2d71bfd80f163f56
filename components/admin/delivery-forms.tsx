"use client";

import { useActionState, useEffect, useRef, type FormEvent } from "react";
import type { DeliveryFormState } from "@/app/admin/(staff)/letters/[slug]/delivery/actions";
import {
  DELIVERY_METHODS,
  DELIVERY_METHOD_LABELS,
  PHOTO_MAX_BYTES,
  PHOTO_TYPES,
  deliveryInputFromForm,
  deliveryInputSchema,
  deliveryResponseFromForm,
  deliveryResponseSchema,
} from "@/lib/validation/delivery";
import { signatureFieldErrors, type FieldErrors } from "@/lib/validation/signature";
import { Field, fieldProps, inputClass } from "./form-field";
import { submitWithoutReset } from "./submit-without-reset";
import { useFormValidation } from "./use-form-validation";

type Action = (state: DeliveryFormState, form: FormData) => Promise<DeliveryFormState>;

export interface DeliveryDefaults {
  id: string;
  deliveredTo: string;
  deliveredOn: string;
  method: string;
  link: string;
  note: string;
  hasPhoto: boolean;
}

const button = "rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70";

function validateDelivery(form: HTMLFormElement): FieldErrors {
  const result = deliveryInputSchema.safeParse(deliveryInputFromForm(new FormData(form)));
  const fields = result.success ? {} : signatureFieldErrors(result.error);
  const photo = (form.elements.namedItem("photo") as HTMLInputElement | null)?.files?.[0];
  if (photo && photo.size > PHOTO_MAX_BYTES) fields.photo = ["The photo must be at most 2 MB. Save it smaller and choose it again."];
  return fields;
}

function validateResponse(form: HTMLFormElement): FieldErrors {
  const result = deliveryResponseSchema.safeParse(deliveryResponseFromForm(new FormData(form)));
  return result.success ? {} : signatureFieldErrors(result.error);
}

/** The answer above a form: its problem, or what was saved, read out when it changes. */
function useFormAnswer(action: Action, validate: (form: HTMLFormElement) => FieldErrors, resetOnSuccess: boolean) {
  const [state, dispatch, pending] = useActionState(action, null);
  const validation = useFormValidation(validate, state && !state.ok ? state : null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state) return;
    if (state.ok && resetOnSuccess) formRef.current?.reset();
    summaryRef.current?.focus();
  }, [state, resetOnSuccess]);
  const send = submitWithoutReset(dispatch);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!validation.checkAll(event.currentTarget)) {
      event.preventDefault();
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    send(event);
  };
  const problem = validation.hasClientErrors ? "Some fields need fixing." : state && !state.ok ? state.error : null;
  const summary = (id: string) => (
    <div ref={summaryRef} id={id} tabIndex={-1} role={problem ? "alert" : "status"}
      className={problem ? "rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
        : state?.ok ? "rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900" : "sr-only"}>
      {problem ?? (state?.ok ? state.message : null)}
    </div>
  );
  return { ...validation, pending, onSubmit, summary, formRef };
}

/** Records a delivery, or edits one (with `delivery`). Nothing typed is lost when the server says no. */
export function DeliveryForm({ action, delivery, today }: { action: Action; delivery?: DeliveryDefaults; today: string }) {
  const prefix = delivery ? `delivery-${delivery.id}` : "delivery-new";
  const { errors, onBlur, onChange, pending, onSubmit, summary, formRef } = useFormAnswer(action, validateDelivery, !delivery);
  const f = (name: string, hint?: boolean) => fieldProps(prefix, name, errors, hint);
  return (
    <form ref={formRef} onSubmit={onSubmit} onBlur={onBlur} onChange={onChange} noValidate className="space-y-4" data-testid={prefix}>
      {summary(`${prefix}-answer`)}
      {delivery ? <input type="hidden" name="id" value={delivery.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field prefix={prefix} name="deliveredTo" label="Delivered to" errors={errors} hint="Who received it, as the letter page should name them: “the City Council”.">
          <input {...f("deliveredTo", true)} defaultValue={delivery?.deliveredTo} className={inputClass} />
        </Field>
        <Field prefix={prefix} name="deliveredOn" label="Date of delivery" errors={errors}>
          <input {...f("deliveredOn")} type="date" max={today} defaultValue={delivery?.deliveredOn ?? today} className={inputClass} />
        </Field>
      </div>
      <fieldset aria-describedby={errors.method ? `${prefix}-method-error` : undefined}>
        <legend className="text-sm font-medium text-stone-900">How it was delivered</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
          {DELIVERY_METHODS.map((method) => (
            <label key={method} className="flex items-center gap-2 text-sm text-stone-800">
              <input type="radio" name="method" value={method} defaultChecked={(delivery?.method ?? "in_person") === method} className="size-4 accent-brand-600" />
              {DELIVERY_METHOD_LABELS[method]}
            </label>
          ))}
        </div>
        {errors.method ? <p id={`${prefix}-method-error`} className="mt-1 text-sm text-red-700">{errors.method[0]}</p> : null}
      </fieldset>
      <Field prefix={prefix} name="link" label="Link" optional errors={errors} hint="A news story, a video or the addressee's own page about it.">
        <input {...f("link", true)} type="url" inputMode="url" placeholder="https://" defaultValue={delivery?.link} className={inputClass} />
      </Field>
      <Field prefix={prefix} name="note" label="Note, shown on the letter page" optional errors={errors}>
        <textarea {...f("note")} rows={2} defaultValue={delivery?.note} className={inputClass} />
      </Field>
      <Field prefix={prefix} name="photo" label={delivery?.hasPhoto ? "Replace the photo" : "Photo"} optional errors={errors}
        hint="A JPEG, PNG or WebP image up to 2 MB, shown on the letter page. Where and when it was taken, as the camera noted it, is removed. Leave out faces of people who did not agree to be shown.">
        <input {...f("photo", true)} type="file" accept={PHOTO_TYPES.join(",")} className={`${inputClass} file:mr-3 file:rounded file:border-0 file:bg-stone-100 file:px-2 file:py-1`} />
      </Field>
      {delivery?.hasPhoto ? (
        <label className="flex items-center gap-2 text-sm text-stone-800">
          <input type="checkbox" name="removePhoto" className="size-4 accent-brand-600" /> Remove the photo
        </label>
      ) : null}
      <button type="submit" disabled={pending} className={button}>
        {pending ? "Saving…" : delivery ? "Save changes" : "Record the delivery"}
      </button>
    </form>
  );
}

export interface ResponseDefaults {
  responseReceivedOn: string;
  responseFrom: string;
  responseText: string;
}

/** Records or corrects the addressee's response to one delivery. */
export function DeliveryResponseForm({ action, deliveryId, response, today }: { action: Action; deliveryId: string; response: ResponseDefaults | null; today: string }) {
  const prefix = `response-${deliveryId}`;
  const { errors, onBlur, onChange, pending, onSubmit, summary, formRef } = useFormAnswer(action, validateResponse, false);
  const f = (name: string) => fieldProps(prefix, name, errors);
  return (
    <form ref={formRef} onSubmit={onSubmit} onBlur={onBlur} onChange={onChange} noValidate className="space-y-4" data-testid={prefix}>
      {summary(`${prefix}-answer`)}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field prefix={prefix} name="responseFrom" label="Response from" errors={errors}>
          <input {...f("responseFrom")} defaultValue={response?.responseFrom} className={inputClass} />
        </Field>
        <Field prefix={prefix} name="responseReceivedOn" label="Date of the response" errors={errors}>
          <input {...f("responseReceivedOn")} type="date" max={today} defaultValue={response?.responseReceivedOn ?? today} className={inputClass} />
        </Field>
      </div>
      <Field prefix={prefix} name="responseText" label="The response, as received" errors={errors} hint="Shown on the letter page; a blank line starts a new paragraph.">
        <textarea {...fieldProps(prefix, "responseText", errors, true)} rows={6} defaultValue={response?.responseText} className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className={button}>
        {pending ? "Saving…" : response ? "Save the response" : "Record the response"}
      </button>
    </form>
  );
}
