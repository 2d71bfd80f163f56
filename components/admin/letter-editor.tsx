"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { LetterBody } from "@/components/letter-body";
import { KIND_LABEL, STATUS_LABEL } from "@/lib/format";
import { ANONYMIZE_AFTER_MONTHS_MAX, LETTER_KINDS, LETTER_STATUSES, PROOF_OF_WORK_MODES, letterInputFromForm, letterInputSchema } from "@/lib/validation/letter";
import { signatureFieldErrors } from "@/lib/validation/signature";
import type { LetterFormState } from "@/app/admin/(staff)/letters/actions";
import { Field, fieldProps, inputClass } from "./form-field";
import { useFormValidation } from "./use-form-validation";

export interface LetterDefaults {
  title: string; slug: string; summary: string; body: string; kind: string; status: string; closesAt: string;
  goal: string; addressedTo: string; allowIndividuals: boolean; allowOrganizations: boolean; autoApproveMatchingDomain: boolean;
  proofOfWork: string; proofOfWorkBusyPerMinute: string;
  anonymizeAfterMonths: string;
}

const PROOF_OF_WORK_LABEL: Record<(typeof PROOF_OF_WORK_MODES)[number], string> = {
  off: "Off",
  on: "Always",
  busy: "Only while the letter is busy",
};

const P = "letter";
const slugify = (title: string) =>
  title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);

function validate(form: HTMLFormElement) {
  const result = letterInputSchema.safeParse(letterInputFromForm(new FormData(form)));
  return result.success ? {} : signatureFieldErrors(result.error);
}

export function LetterEditor({
  action,
  defaults,
  isNew,
}: {
  action: (state: LetterFormState, form: FormData) => Promise<LetterFormState>;
  defaults: LetterDefaults;
  isNew: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const { errors, hasClientErrors, onBlur, onChange, checkAll } = useFormValidation(validate, state);
  const [body, setBody] = useState(defaults.body);
  const [slug, setSlug] = useState(defaults.slug);
  // A new letter's address follows its title until someone types one.
  const [slugEdited, setSlugEdited] = useState(!isNew);
  const summaryRef = useRef<HTMLDivElement>(null);
  const summary = hasClientErrors ? "Some fields need fixing." : state?.error;

  useEffect(() => {
    if (state) summaryRef.current?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (!checkAll(form)) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    // Dispatched by hand (not by the form's action) so the fields keep their values.
    startTransition(() => formAction(new FormData(form)));
  }

  const f = (name: string, hint?: boolean) => fieldProps(P, name, errors, hint);
  return (
    <form action={formAction} onSubmit={onSubmit} onBlur={onBlur} onChange={onChange} noValidate className="space-y-6">
      <div ref={summaryRef} id="letter-form-errors" tabIndex={-1} role="alert"
        className={summary ? "rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800" : "sr-only"}>
        {summary}
      </div>

      <div className="grid gap-5 lg:grid-cols-2">
        <Field prefix={P} name="title" label="Title" errors={errors}>
          <input {...f("title")} defaultValue={defaults.title} className={inputClass}
            onChange={(e) => !slugEdited && setSlug(slugify(e.target.value))} />
        </Field>
        <Field prefix={P} name="slug" label="Page address" hint="The letter lives at /letters/ followed by this: lowercase letters, digits and hyphens." errors={errors}>
          <input {...f("slug", true)} value={slug} spellCheck={false} autoCapitalize="off" className={`${inputClass} font-mono`}
            onChange={(e) => { setSlug(e.target.value); setSlugEdited(true); }} />
        </Field>
      </div>
      <Field prefix={P} name="summary" label="Summary" hint="One or two sentences, shown under the title and in link previews." errors={errors}>
        <textarea {...f("summary", true)} defaultValue={defaults.summary} rows={2} className={inputClass} />
      </Field>

      <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
        <Field prefix={P} name="kind" label="Kind" errors={errors}>
          <select {...f("kind")} defaultValue={defaults.kind} className={inputClass}>
            {LETTER_KINDS.map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
          </select>
        </Field>
        <Field prefix={P} name="status" label="Status" errors={errors}>
          <select {...f("status")} defaultValue={defaults.status} className={inputClass}>
            {LETTER_STATUSES.map((s) => <option key={s} value={s}>{s === "open" ? "Open" : STATUS_LABEL[s]}</option>)}
          </select>
        </Field>
        <Field prefix={P} name="closesAt" label="Closes at (UTC)" optional errors={errors}>
          <input {...f("closesAt")} type="datetime-local" defaultValue={defaults.closesAt} className={inputClass} />
        </Field>
        <Field prefix={P} name="goal" label="Goal" optional errors={errors}>
          <input {...f("goal")} type="number" inputMode="numeric" min={1} step={1} defaultValue={defaults.goal} className={inputClass} />
        </Field>
      </div>
      <Field prefix={P} name="addressedTo" label="Addressed to" optional errors={errors}>
        <input {...f("addressedTo")} defaultValue={defaults.addressedTo} className={inputClass} />
      </Field>

      <fieldset className="space-y-2 rounded-lg bg-stone-50 p-4">
        <legend className="sr-only">Who may sign</legend>
        {([
          ["allowIndividuals", "Individuals may sign"],
          ["allowOrganizations", "Organisations may sign"],
          ["autoApproveMatchingDomain", "Approve an organisation automatically when its contact writes from its website's domain"],
        ] as const).map(([name, label]) => (
          <div key={name}>
            <label className="flex items-start gap-3 text-sm text-stone-900">
              <input type="checkbox" {...f(name)} defaultChecked={defaults[name]} className="mt-0.5 size-4 accent-brand-600" />
              {label}
            </label>
            {errors[name] ? <p id={`${P}-${name}-error`} className="mt-1 text-sm text-red-700">{errors[name]![0]}</p> : null}
          </div>
        ))}
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="text-sm font-medium text-stone-900">Proof of work</legend>
        <p className="text-sm text-stone-600 sm:col-span-2">
          Signers&apos; browsers solve a small puzzle while they fill in the form, unseen and in well under a second; a script
          signing thousands of times must pay that every time. Signing needs JavaScript while it is asked for.
        </p>
        <Field prefix={P} name="proofOfWork" label="Ask for it" errors={errors}>
          <select {...f("proofOfWork")} defaultValue={defaults.proofOfWork} className={inputClass}>
            {PROOF_OF_WORK_MODES.map((m) => <option key={m} value={m}>{PROOF_OF_WORK_LABEL[m]}</option>)}
          </select>
        </Field>
        <Field prefix={P} name="proofOfWorkBusyPerMinute" label="Busy above (signings a minute)"
          hint="Used when it is asked for only while the letter is busy." errors={errors}>
          <input {...f("proofOfWorkBusyPerMinute", true)} type="number" inputMode="numeric" min={1} step={1}
            defaultValue={defaults.proofOfWorkBusyPerMinute} className={inputClass} />
        </Field>
      </fieldset>

      <fieldset className="max-w-md space-y-2">
        <legend className="text-sm font-medium text-stone-900">Privacy</legend>
        <Field prefix={P} name="anonymizeAfterMonths" label="Anonymise signers' emails, in months after the letter closes"
          hint="Until then you can write to signers. Names stay listed as each signer chose, and counts never change." errors={errors}>
          <input {...f("anonymizeAfterMonths", true)} type="number" inputMode="numeric" min={1} max={ANONYMIZE_AFTER_MONTHS_MAX} step={1}
            defaultValue={defaults.anonymizeAfterMonths} className={`${inputClass} max-w-32`} />
        </Field>
      </fieldset>

      <div className="grid gap-5 lg:grid-cols-2">
        <Field prefix={P} name="body" label="Text (Markdown)" hint="## for a heading, a blank line between paragraphs, [words](https://…) for a link." errors={errors}>
          <textarea {...f("body", true)} value={body} onChange={(e) => setBody(e.target.value)} rows={18}
            className={`${inputClass} font-mono leading-relaxed`} />
        </Field>
        <section aria-labelledby="letter-preview-heading" className="min-w-0">
          <h2 id="letter-preview-heading" className="text-sm font-medium text-stone-900">Preview</h2>
          <div className="mt-1 max-h-[32rem] overflow-y-auto rounded-lg border border-stone-200 bg-white p-4 [&_.prose>:first-child]:mt-0" data-testid="letter-preview">
            {body.trim() ? <LetterBody markdown={body} /> : <p className="text-sm text-stone-500">The text appears here as readers will see it.</p>}
          </div>
        </section>
      </div>

      <button type="submit" disabled={pending}
        className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70">
        {pending ? "Saving…" : isNew ? "Create letter" : "Save changes"}
      </button>
    </form>
  );
}
