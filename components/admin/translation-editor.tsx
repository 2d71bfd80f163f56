"use client";

import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { LetterBody } from "@/components/letter-body";
import { LetterHeading } from "@/components/letter-heading";
import { findLanguage } from "@/lib/i18n/languages";
import { letterTranslationInputFromForm, letterTranslationInputSchema } from "@/lib/validation/letter-translation";
import { signatureFieldErrors } from "@/lib/validation/signature";
import type { TranslationFormState } from "@/app/admin/(staff)/letters/[slug]/translations/actions";
import { Field, fieldProps, inputClass } from "./form-field";
import { submitWithoutReset } from "./submit-without-reset";
import { useFormValidation } from "./use-form-validation";

export interface TranslationText {
  title: string;
  summary: string;
  addressedTo: string;
  body: string;
}

const P = "translation";

function validate(form: HTMLFormElement) {
  const result = letterTranslationInputSchema.safeParse(letterTranslationInputFromForm(new FormData(form)));
  return result.success ? {} : signatureFieldErrors(result.error);
}

const button = "rounded-lg px-4 py-2 text-sm font-semibold disabled:cursor-wait disabled:opacity-70";

/**
 * A translation's fields, each beside the original's, and a preview of the translated
 * letter as readers will see it. The fields take the language's direction (Arabic runs
 * right to left) and its tag, so browsers pick the right spelling checker and fonts.
 */
export function TranslationEditor({
  action,
  kind,
  language,
  original,
  defaults,
  status: savedStatus,
}: {
  action: (state: TranslationFormState, form: FormData) => Promise<TranslationFormState>;
  kind: string;
  language: { code: string; englishName: string; dir: "ltr" | "rtl" };
  original: TranslationText & { language: string };
  defaults: TranslationText;
  status: "draft" | "published" | null;
}) {
  const [state, dispatch, pending] = useActionState(action, null);
  const { errors, hasClientErrors, onBlur, onChange, checkAll } = useFormValidation(validate, state && !state.ok ? state : null);
  const [text, setText] = useState(defaults);
  const summaryRef = useRef<HTMLDivElement>(null);
  const status = state?.ok ? state.status : savedStatus;
  const problem = hasClientErrors ? "Some fields need fixing." : state && !state.ok ? state.error : null;

  useEffect(() => {
    if (state) summaryRef.current?.focus();
  }, [state]);

  const send = submitWithoutReset(dispatch);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const intent = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
    if (intent === "delete") {
      if (!window.confirm(`Delete the ${language.englishName} translation? Readers will no longer see it, and its text is lost.`)) {
        event.preventDefault();
        return;
      }
    } else if (!checkAll(event.currentTarget)) {
      event.preventDefault();
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    send(event);
  }

  const f = (name: keyof TranslationText, hint?: boolean) => ({
    ...fieldProps(P, name, errors, hint),
    lang: language.code,
    dir: language.dir,
    value: text[name],
    onChange: (e: { target: { value: string } }) => setText((t) => ({ ...t, [name]: e.target.value })),
  });
  const originalBox = "mt-1 rounded-lg border border-stone-200 bg-stone-50 px-3 py-2 text-sm text-stone-800";

  return (
    <form onSubmit={onSubmit} onBlur={onBlur} onChange={onChange} noValidate className="space-y-6">
      <div ref={summaryRef} id="translation-form-errors" tabIndex={-1} role={problem ? "alert" : "status"}
        className={problem ? "rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          : state?.ok ? "rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900" : "sr-only"}>
        {problem ?? (state?.ok ? state.message : null)}
      </div>
      <input type="hidden" name="language" value={language.code} />

      <div className="hidden gap-5 text-xs font-medium uppercase tracking-wide text-stone-600 lg:grid lg:grid-cols-2">
        <p>Original ({findLanguage(original.language)?.englishName ?? original.language})</p>
        <p>{language.englishName}</p>
      </div>
      {([
        ["title", "Title", false],
        ["summary", "Summary", true],
        ["addressedTo", "Addressed to", false],
      ] as const).map(([name, label, long]) => (
        <div key={name} className="grid gap-x-5 gap-y-2 lg:grid-cols-2">
          <div>
            <p className="text-sm font-medium text-stone-900">{label} <span className="font-normal text-stone-500">(original)</span></p>
            <p lang={original.language} className={originalBox}>{original[name] || <span className="text-stone-500">None</span>}</p>
          </div>
          <Field prefix={P} name={name} label={`${label} in ${language.englishName}`} optional={name === "addressedTo"} errors={errors}>
            {long ? <textarea {...f(name)} rows={4} className={inputClass} /> : <input {...f(name)} className={inputClass} />}
          </Field>
        </div>
      ))}

      <div className="grid gap-x-5 gap-y-2 lg:grid-cols-2">
        <div className="min-w-0">
          <p className="text-sm font-medium text-stone-900">Text <span className="font-normal text-stone-500">(original, Markdown)</span></p>
          <pre lang={original.language} data-testid="original-body"
            className={`${originalBox} h-72 overflow-y-auto whitespace-pre-wrap break-words font-mono leading-relaxed lg:h-[28rem]`}>{original.body}</pre>
        </div>
        <Field prefix={P} name="body" label={`Text in ${language.englishName} (Markdown)`}
          hint="Keep the original's headings, lists and links; end with a line saying it is a translation." errors={errors}>
          <textarea {...f("body", true)} className={`${inputClass} h-72 font-mono leading-relaxed lg:h-[28rem]`} />
        </Field>
      </div>

      <section aria-labelledby="translation-preview-heading" className="min-w-0">
        <h2 id="translation-preview-heading" className="text-sm font-medium text-stone-900">Preview</h2>
        <div lang={language.code} dir={language.dir} data-testid="translation-preview"
          className="mt-1 max-h-[40rem] overflow-y-auto rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
          {text.title.trim() || text.body.trim() ? (
            <>
              <LetterHeading letter={{ kind, ...text }} />
              <div className="mt-6 border-t border-stone-200 pt-6 [&_.prose>:first-child]:mt-0">
                <LetterBody markdown={text.body} />
              </div>
            </>
          ) : (
            <p dir="ltr" lang="en" className="text-sm text-stone-500">The translated letter appears here as readers will see it.</p>
          )}
        </div>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        {status === "published" ? (
          <>
            <button type="submit" name="intent" value="save" disabled={pending} className={`${button} bg-brand-600 text-white hover:bg-brand-700`}>
              {pending ? "Saving…" : "Save changes"}
            </button>
            <button type="submit" name="intent" value="unpublish" disabled={pending} className={`${button} border border-stone-300 bg-white text-stone-800 hover:bg-stone-50`}>
              Unpublish
            </button>
          </>
        ) : (
          <>
            <button type="submit" name="intent" value="save" disabled={pending} className={`${button} border border-stone-300 bg-white text-stone-800 hover:bg-stone-50`}>
              {pending ? "Saving…" : "Save draft"}
            </button>
            <button type="submit" name="intent" value="publish" disabled={pending} className={`${button} bg-brand-600 text-white hover:bg-brand-700`}>
              Publish
            </button>
          </>
        )}
        {status ? (
          <button type="submit" name="intent" value="delete" disabled={pending}
            className={`${button} ml-auto border border-red-300 bg-white text-red-800 hover:bg-red-50`}>
            Delete translation
          </button>
        ) : null}
      </div>
    </form>
  );
}
