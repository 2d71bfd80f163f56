"use client";

import { useActionState } from "react";
import type { ReportState } from "./actions";

/** The form's words, translated by the page. */
export interface ReportWords {
  question: string;
  details: string;
  optional: string;
  send: string;
}

export function ReportForm({
  action,
  reasons,
  words,
}: {
  action: (state: ReportState, form: FormData) => Promise<ReportState>;
  reasons: Record<string, string>;
  words: ReportWords;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-4">
      <fieldset aria-describedby={state ? "report-error" : undefined}>
        <legend className="text-sm font-medium text-stone-900">{words.question}</legend>
        <div className="mt-2 space-y-2">
          {Object.entries(reasons).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="reason" value={value} className="size-4 accent-brand-600" /> {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="report-details" className="block text-sm font-medium text-stone-900">
          {words.details} <span className="font-normal text-stone-500">({words.optional})</span>
        </label>
        <textarea id="report-details" name="details" rows={3} maxLength={500} className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2 text-sm" />
      </div>
      {state ? (
        <p id="report-error" role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="rounded-lg bg-stone-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
        {words.send}
      </button>
    </form>
  );
}
